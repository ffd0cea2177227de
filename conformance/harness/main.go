// Command netc-conformance replays what the consumers of netc's output do with it: Kairos and
// provider-rke2 with the node files, RKE2 and kube-proxy with the config they end in, yip with the
// stages, the bundled charts and flannel with the HelmChartConfigs. Libraries the consumers use are
// used here too (gopkg.in/yaml.v2 and v3, sigs.k8s.io/yaml, text/template with sprig, jq); the rest
// is replayed from the cited tables in compiler/src/main/catalogue.
//
// Usage: netc-conformance -tables DIR CASE...
//
// A CASE is a folder holding `out/`, what one `netc compile` wrote, and optionally `env.json`, the
// machines the spec describes: {"nodes": {NAME: {"interfaces": [{name, addresses, mtu}]}}}, and
// `fleet/<site>/` and `kustomize/<site>/`, the site's folders of the GitOps trees (gitops.go).
// It prints one JSON finding per line, each naming its case (nothing when every consumer reads the
// files as intended), and exits 0; 2 on a usage error or when it cannot read its tables or a case.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Interface is one network interface of a machine, as the spec describes the hardware.
type Interface struct {
	Name      string   `json:"name"`
	Addresses []string `json:"addresses"`
	MTU       int      `json:"mtu"`
}

// NodeEnv describes the machines: node name → interfaces.
type NodeEnv map[string]struct {
	Interfaces []Interface `json:"interfaces"`
}

// Nodes are the machine names, sorted.
func (e NodeEnv) Nodes() []string {
	names := make([]string, 0, len(e))
	for name := range e {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func main() {
	tables := flag.String("tables", "", "folder of the consumer tables (compiler/src/main/catalogue)")
	flag.Parse()
	if *tables == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: netc-conformance -tables DIR CASE...")
		os.Exit(2)
	}
	facts, err := loadFacts(*tables)
	if err != nil {
		fail(err)
	}
	report := &Report{}
	for _, dir := range flag.Args() {
		env, err := readEnv(filepath.Join(dir, "env.json"))
		if err != nil {
			fail(err)
		}
		report.kase = dir
		check(filepath.Join(dir, "out"), gitOpsPolicies(dir), facts, env, report)
		checkGitOps(dir, facts, report)
	}
	if err := report.write(os.Stdout); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "netc-conformance:", err)
	os.Exit(2)
}

// readEnv reads a case's machine description; without one, checks that need it are skipped.
func readEnv(path string) (NodeEnv, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return NodeEnv{}, nil
	}
	var wrapper struct {
		Nodes NodeEnv `json:"nodes"`
	}
	if err == nil {
		err = json.Unmarshal(data, &wrapper)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return wrapper.Nodes, nil
}

// check replays every consumer on one compile's output folder; gitOps are the policy files a
// GitOps engine delivers instead of the servers, by name (nil when the servers deliver them).
func check(out string, gitOps map[string]string, facts *Facts, env NodeEnv, r *Report) {
	paths, _ := filepath.Glob(filepath.Join(out, "nodes", "*.yaml"))
	sort.Strings(paths)
	var nodes []*Node
	flags := map[*Node]Flags{}
	for _, p := range paths {
		file := filepath.ToSlash(filepath.Join("nodes", filepath.Base(p)))
		node := readNode(p, file, r)
		if node == nil {
			continue
		}
		nodes = append(nodes, node)
		nodeFlags := rke2Flags(node, facts, r)
		if nodeFlags == nil {
			continue
		}
		flags[node] = nodeFlags
		stages := readStages(node, facts, r)
		checkNodeAddresses(node, nodeFlags, r)
		checkValues(node, nodeFlags, facts, r)
		checkProxy(node, nodeFlags, env, r)
		dir := dataDir(node, nodeFlags, r)
		kp := kubeProxy(node, nodeFlags, facts, r)
		checkAirgap(node, dir, nodeFlags, stages, facts, r)
		checkHostPrerequisites(node, nodeFlags, stages, facts, r)
		if node.Command == "server" {
			manifests := serverManifests(node, dir, stages, r)
			checkCharts(node, nodeFlags, kp, manifests, env, facts, r)
			checkDeploy(node, dir, stages, manifests, gitOps, r)
		}
	}
	checkServerIdentical(nodes, flags, facts, r)
}
