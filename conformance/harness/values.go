package main

// What the components RKE2 starts do with values of its config that have the right type:
// kubelet's node-ip, labels and taints, the API server's EndpointSlice addresses, the deploy
// controller's `disable`, and whether kube-proxy runs at all. Each check replays a row of
// rke2-value-rules.tsv or special-address-ranges.tsv and cites it.

import (
	"net"
	"strings"
)

// checkValues replays the rules on one node's effective flags.
func checkValues(node *Node, flags Flags, facts *Facts, r *Report) {
	checkNodeIPFamilies(node, flags, facts, r)
	checkSpecialRanges(node, flags, facts, r)
	checkTaints(node, flags, facts, r)
	checkLabels(node, flags, facts, r)
	if node.Command == "server" {
		checkDisabledCNI(node, flags, facts, r)
	}
	checkKubeProxyRuns(node, flags, facts, r)
}

func rule(facts *Facts, key string) string {
	return facts.ValueRules[key].Where()
}

func splitItems(values []string) []string {
	var items []string
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			if item != "" {
				items = append(items, item)
			}
		}
	}
	return items
}

// checkNodeIPFamilies: kubelet's --node-ip is one address or one of each family.
func checkNodeIPFamilies(node *Node, flags Flags, facts *Facts, r *Report) {
	v4, v6 := 0, 0
	for _, item := range splitItems(flags["node-ip"]) {
		if ip := net.ParseIP(item); ip != nil && ip.To4() != nil {
			v4++
		} else if ip != nil {
			v6++
		}
	}
	if v4 > 1 || v6 > 1 {
		r.errorf(node.File, "cluster.config.node-ip", "kubelet.node-ip", rule(facts, "node-ip"), "kubelet takes one address or one of each family, not %q: it exits", strings.Join(flags["node-ip"], ","))
	}
}

// checkSpecialRanges: node addresses and pod ranges the API server refuses in EndpointSlices, and
// service ranges that are never routed to.
func checkSpecialRanges(node *Node, flags Flags, facts *Facts, r *Report) {
	uses := []struct{ key, use string }{{"node-ip", "node"}, {"node-external-ip", "node"}, {"cluster-cidr", "pod"}, {"service-cidr", "service"}}
	for _, u := range uses {
		for _, item := range splitItems(flags[u.key]) {
			candidate := parseRange(item)
			if candidate == nil {
				continue
			}
			for _, row := range facts.SpecialRanges {
				if !strings.Contains(" "+row["applies-to"]+" ", " "+u.use+" ") {
					continue
				}
				for _, text := range strings.Fields(row["ranges"]) {
					_, special, err := net.ParseCIDR(text)
					if err == nil && overlaps(candidate, special) {
						r.errorf(node.File, "cluster.config."+u.key, "kubernetes.special-address", row.Where(), "%s %s is in the %s range %s: %s", u.key, item, row["name"], text, row["why"])
					}
				}
			}
		}
	}
}

func parseRange(text string) *net.IPNet {
	if _, n, err := net.ParseCIDR(text); err == nil {
		return n
	}
	if ip := net.ParseIP(text); ip != nil {
		bits := 128
		if ip.To4() != nil {
			ip, bits = ip.To4(), 32
		}
		return &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)}
	}
	return nil
}

func overlaps(a, b *net.IPNet) bool {
	return a.Contains(b.IP) || b.Contains(a.IP)
}

// checkTaints replays kubernetes' ParseTaints on what k3s hands kubelet, and k3s's dropping of
// removals.
func checkTaints(node *Node, flags Flags, facts *Facts, r *Report) {
	seen := map[string]bool{}
	for _, taint := range flags["node-taint"] {
		problem := ""
		keyValue, effect, hasEffect := strings.Cut(taint, ":")
		key, value, hasValue := strings.Cut(keyValue, "=")
		switch {
		case strings.HasSuffix(taint, "-"):
			problem = "a removal, which k3s drops"
		case !hasEffect || strings.Contains(effect, ":"):
			problem = "not key=value:effect"
		case effect != "NoSchedule" && effect != "PreferNoSchedule" && effect != "NoExecute":
			problem = "unsupported taint effect " + effect
		case strings.Contains(value, "="):
			problem = "more than one ="
		case !qualifiedName(key) || hasValue && !labelValue(value):
			problem = "an invalid key or value"
		case seen[key+":"+effect]:
			problem = "the same key and effect twice"
		}
		seen[key+":"+effect] = true
		if problem != "" {
			r.errorf(node.File, "cluster.config.node-taint", "kubelet.node-taint", rule(facts, "node-taint"), "k3s cannot parse the taint %q (%s): the agent stops", taint, problem)
		}
	}
}

// checkLabels: kubelet's --node-labels as k3s joins them, and the keys kubelet may set.
func checkLabels(node *Node, flags Flags, facts *Facts, r *Report) {
	for _, label := range flags["node-label"] {
		key, value, hasValue := strings.Cut(label, "=")
		problem := ""
		switch {
		case !hasValue:
			problem = "no ="
		case strings.Contains(label, ","):
			problem = "k3s joins labels with commas, so this is two"
		case !qualifiedName(key) || !labelValue(value):
			problem = "the API server refuses the key or value"
		case kubernetesLabel(key) && !kubeletMaySet(key, facts):
			problem = "kubelet may not set it and exits"
		}
		if problem != "" {
			r.errorf(node.File, "cluster.config.node-label", "kubelet.node-label", rule(facts, "node-label"), "the label %q cannot be set: %s", label, problem)
		}
	}
}

func kubernetesLabel(key string) bool {
	prefix, _, hasPrefix := strings.Cut(key, "/")
	return hasPrefix && (inDomain(prefix, "kubernetes.io") || inDomain(prefix, "k8s.io"))
}

func kubeletMaySet(key string, facts *Facts) bool {
	prefix, _, _ := strings.Cut(key, "/")
	for _, row := range facts.KubeletNodeLabels {
		if row["kind"] == "label" && row["key"] == key || row["kind"] == "namespace" && inDomain(prefix, row["key"]) {
			return true
		}
	}
	return false
}

func inDomain(name, domain string) bool {
	return name == domain || strings.HasSuffix(name, "."+domain)
}

// qualifiedName is apimachinery's IsQualifiedName: an optional DNS subdomain prefix and a name of
// at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.
func qualifiedName(key string) bool {
	prefix, name, hasPrefix := strings.Cut(key, "/")
	if !hasPrefix {
		name, prefix = prefix, ""
	}
	if hasPrefix && (prefix == "" || len(prefix) > 253 || strings.ToLower(prefix) != prefix || !dnsName(prefix)) {
		return false
	}
	return name != "" && len(name) <= 63 && labelValue(name)
}

// labelValue is apimachinery's IsValidLabelValue (which the name part of a key shares).
func labelValue(v string) bool {
	if len(v) > 63 {
		return false
	}
	for i, c := range v {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || i == len(v)-1 || c != '-' && c != '_' && c != '.') {
			return false
		}
	}
	return true
}

func dnsName(s string) bool {
	for _, label := range strings.Split(s, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// checkDisabledCNI: `disable` of the chart RKE2 deploys for the node's CNI removes the pod network.
func checkDisabledCNI(node *Node, flags Flags, facts *Facts, r *Report) {
	disabled := map[string]bool{}
	for _, item := range splitItems(flags["disable"]) {
		disabled[strings.TrimSpace(item)] = true
	}
	cnis := splitItems(flags["cni"])
	if len(cnis) == 0 {
		cnis = []string{"canal"}
	}
	for _, cni := range cnis {
		for _, chart := range facts.BundledCNICharts {
			if chart["cni"] == cni && chart["chart"] != "" && disabled[chart["chart"]] {
				r.errorf(node.File, "cluster.config.disable", "deploy.cni-disabled", rule(facts, "disable"), "`disable` removes %s, the chart of `cni %s`: no node gets a pod network", chart["chart"], cni)
			}
		}
	}
}

// checkKubeProxyRuns: with disable-kube-proxy no node runs kube-proxy, so its arguments do
// nothing; and an argument that stops kube-proxy stops it.
func checkKubeProxyRuns(node *Node, flags Flags, facts *Facts, r *Report) {
	disabled, _ := flags.last("disable-kube-proxy")
	args := flags["kube-proxy-arg"]
	if disabled == "true" && len(args) > 0 {
		r.ignoredf(node.File, "cluster.config.kube-proxy-arg", "kube-proxy.disabled", rule(facts, "disable-kube-proxy"), "no node runs kube-proxy, so its %d arguments do nothing", len(args))
	}
	for _, item := range args {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(item, "--"), "=")
		if !hasValue {
			value = "true"
		}
		if row, stops := facts.KubeProxyStopFlags[name]; stops && (row["when"] == "any value" || strings.EqualFold(row["when"], value)) {
			r.errorf(node.File, "cluster.config.kube-proxy-arg."+name, "kube-proxy.stops", row.Where(), "`--%s=%s`: %s", name, value, row["effect"])
		}
	}
}
