package main

// What the host must provide before RKE2 starts for the options the node's config turns on
// (host-prerequisites.tsv): sysctls kubelet or RKE2 check, users and groups RKE2 needs. They must
// come from a stage that runs before RKE2 on the first boot and on every later one
// (kairos-stages.tsv).

import "fmt"

func checkHostPrerequisites(node *Node, flags Flags, stages map[string][]Stage, facts *Facts, r *Report) {
	sysctls, users, groups := map[string]string{}, map[string]bool{}, map[string]bool{}
	late := map[string]string{} // what is set only in a stage that may run after RKE2 → that stage
	for _, name := range sortedKeys(stages) {
		early, _ := stageRunsBeforeRKE2(facts, name)
		for _, stage := range stages[name] {
			for key, value := range stage.Sysctl {
				if early {
					sysctls[key] = value
				} else {
					late["sysctl "+key] = name
				}
			}
			for key, user := range stage.Users {
				userName := user.Name
				if userName == "" {
					userName = key
				}
				if !early {
					late["user "+userName] = name
					continue
				}
				users[userName] = true
				if !user.NoUserGroup {
					groups[userName] = true
				}
				if user.PrimaryGroup != "" {
					groups[user.PrimaryGroup] = true
				}
			}
		}
	}
	for _, row := range facts.HostPrereqs {
		if !optionSet(flags, row["option"], row["value"]) || !roleApplies(row, node.Command) {
			continue
		}
		what := fmt.Sprintf("%s %s", row["kind"], row["name"])
		var present bool
		switch row["kind"] {
		case "sysctl":
			present = sysctls[row["name"]] == row["required"]
		case "user":
			present = users[row["name"]]
		case "group":
			present = groups[row["name"]]
		default:
			continue
		}
		if present {
			continue
		}
		if stage, set := late[what]; set {
			r.errorf(node.File, "stages."+stage, "host.stage-timing", facts.KairosStages[stage].Where(), "%s is set in the %s stage, which may run after RKE2 has started", what, stage)
			continue
		}
		required := ""
		if row["kind"] == "sysctl" {
			required = " = " + row["required"]
		}
		r.errorf(node.File, "stages", "host.missing", row.Where(), "%s: %s%s %s", optionText(row), what, required, "is not set before RKE2 starts, and RKE2 or kubelet refuses to start without it")
	}
}

func optionSet(flags Flags, option, value string) bool {
	actual, set := flags.last(option)
	return set && actual == value
}

// roleApplies reads the optional `roles` column: `server`, `agent` or `all` (the default).
func roleApplies(row Row, command string) bool {
	roles, set := row["roles"]
	return !set || roles == "" || roles == "all" || roles == command
}

func optionText(row Row) string {
	return fmt.Sprintf("`%s: %s`", row["option"], row["value"])
}
