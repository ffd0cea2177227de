package main

// kube-proxy as RKE2 starts it: every `kube-proxy-arg` item `name=value` becomes `--name=value`
// of the kube-proxy static pod, and kube-proxy exits on a flag it does not know or a value it
// cannot read (kube-proxy-flags.tsv).

import (
	"net"
	"strconv"
	"strings"
	"time"
)

const srcKubeProxyArgs = "rancher/rke2@6ce1a80 pkg/executor/staticpod/staticpod.go:180-190 (kube-proxy-arg items become the static pod's --flags)"

// KubeProxy is kube-proxy's effective flags on one node.
type KubeProxy struct {
	Mode  string
	Flags map[string]string
}

func kubeProxy(node *Node, flags Flags, facts *Facts, r *Report) KubeProxy {
	kp := KubeProxy{Mode: "iptables", Flags: map[string]string{}}
	var order []string
	for _, item := range flags["kube-proxy-arg"] {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(item, "--"), "=")
		path := "cluster.config.kube-proxy-arg." + name
		row, known := facts.KubeProxyFlags[name]
		if !known {
			r.errorf(node.File, path, "kube-proxy.unknown-flag", srcKubeProxyArgs, "kube-proxy has no flag `--%s`: it exits at start on every node", name)
			continue
		}
		if !hasValue && row["type"] != "bool" {
			r.errorf(node.File, path, "kube-proxy.bad-value", row.Where(), "`--%s` needs a value", name)
			continue
		}
		if problem := kubeProxyValueProblem(row["type"], value); problem != "" {
			r.errorf(node.File, path, "kube-proxy.bad-value", row.Where(), "kube-proxy cannot read `--%s=%s`: %s", name, value, problem)
			continue
		}
		if _, seen := kp.Flags[name]; !seen {
			order = append(order, name)
		}
		kp.Flags[name] = value
	}
	if mode, set := kp.Flags["proxy-mode"]; set && mode != "" {
		kp.Mode = mode
	}
	for _, name := range order {
		row := facts.KubeProxyFlags[name]
		if !modesInclude(row["modes"], kp.Mode) {
			r.ignoredf(node.File, "cluster.config.kube-proxy-arg."+name, "kube-proxy.mode-ignored", row.Where(), "`--%s` has no effect in %s mode (it applies to %s)", name, kp.Mode, row["modes"])
		}
	}
	checkKubeProxyRules(node, kp, facts, r)
	return kp
}

func modesInclude(modes, mode string) bool {
	if modes == "all" {
		return true
	}
	for _, m := range strings.Split(modes, ",") {
		if m == mode {
			return true
		}
	}
	return false
}

func kubeProxyValueProblem(kind, value string) string {
	var err error
	switch kind {
	case "bool":
		if value != "" {
			_, err = strconv.ParseBool(value)
		}
	case "int32":
		_, err = strconv.ParseInt(value, 0, 32)
	case "int64":
		_, err = strconv.ParseInt(value, 0, 64)
	case "float32":
		_, err = strconv.ParseFloat(value, 32)
	case "duration":
		_, err = time.ParseDuration(value)
	case "ip":
		if net.ParseIP(value) == nil {
			return "not an IP address"
		}
	case "cidr-list":
		for _, item := range strings.Split(value, ",") {
			if _, _, e := net.ParseCIDR(strings.TrimSpace(item)); e != nil {
				err = e
			}
		}
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// checkKubeProxyRules replays kube-proxy's configuration validation for the flags netc writes
// (kube-proxy-validation.tsv): the sync periods of the mode in use against their defaults, and the
// conntrack settings, which k3s's own defaults can make ineffective.
func checkKubeProxyRules(node *Node, kp KubeProxy, facts *Facts, r *Report) {
	// iptables and nftables modes both read the iptables-* sync flags; IPVS its own. The defaults
	// are 30s and 1s in every mode.
	prefix := "iptables-"
	if kp.Mode == "ipvs" {
		prefix = "ipvs-"
	}
	sync, hasSync := durationFlag(kp, prefix+"sync-period")
	if !hasSync {
		sync = 30 * time.Second
	}
	minSync, hasMin := durationFlag(kp, prefix+"min-sync-period")
	if !hasMin {
		minSync = time.Second
	}
	source := facts.KubeProxyValidation[prefix+"min-sync-period"].Where()
	if sync <= 0 {
		r.errorf(node.File, "cluster.config.kube-proxy-arg."+prefix+"sync-period", "kube-proxy.validation", facts.KubeProxyValidation[prefix+"sync-period"].Where(), "kube-proxy requires a sync period above 0: it exits")
	} else if minSync > sync {
		r.errorf(node.File, "cluster.config.kube-proxy-arg."+prefix+"min-sync-period", "kube-proxy.validation", source, "kube-proxy requires %smin-sync-period (%v) <= %ssync-period (%v): it exits", prefix, minSync, prefix, sync)
	}
	// k3s passes conntrack-max-per-core=0 unless it is given, and then kube-proxy leaves the
	// conntrack table alone: conntrack-min has no effect.
	if _, set := kp.Flags["conntrack-min"]; set {
		perCore, err := strconv.ParseInt(kp.Flags["conntrack-max-per-core"], 0, 32)
		if err != nil || perCore <= 0 {
			r.ignoredf(node.File, "cluster.config.kube-proxy-arg.conntrack-min", "kube-proxy.conntrack-min-ignored", facts.KubeProxyValidation["conntrack-min"].Where(), "`--conntrack-min` has no effect while conntrack-max-per-core is 0 (k3s's default)")
		}
	}
	for _, name := range []string{"conntrack-max-per-core", "conntrack-min"} {
		if value, set := kp.Flags[name]; set {
			if n, err := strconv.ParseInt(value, 0, 32); err == nil && n < 0 {
				r.errorf(node.File, "cluster.config.kube-proxy-arg."+name, "kube-proxy.validation", facts.KubeProxyValidation[name].Where(), "kube-proxy requires `%s` of 0 or more", name)
			}
		}
	}
	for _, name := range []string{"conntrack-tcp-timeout-established", "conntrack-tcp-timeout-close-wait"} {
		if d, set := durationFlag(kp, name); set && d < 0 {
			r.errorf(node.File, "cluster.config.kube-proxy-arg."+name, "kube-proxy.validation", facts.KubeProxyValidation[name].Where(), "kube-proxy requires `%s` of 0 or more", name)
		}
	}
}

func durationFlag(kp KubeProxy, name string) (time.Duration, bool) {
	value, set := kp.Flags[name]
	if !set {
		return 0, false
	}
	d, err := time.ParseDuration(value)
	return d, err == nil
}
