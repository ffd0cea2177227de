package main

// RKE2 reading config.yaml: k3s's config-file parser turns every key into a command-line flag,
// skips the flags the command does not know, and the CLI parses the values.
// K3S = k3s-io/k3s@f646604.

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	yaml2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
)

const (
	srcConfigParse = "k3s-io/k3s@f646604 pkg/configfilearg/parser.go:270-330 (yaml.v2 MapSlice; each key becomes --key=value, a list one flag per item)"
	srcStrip       = "k3s-io/k3s@f646604 pkg/configfilearg/parser.go:63-97 (stripInvalidFlags: a key the command does not know is skipped with a warning)"
	srcValues      = "urfave/cli v1 flag parsing (strconv.ParseBool, strconv.ParseInt, time.ParseDuration) as RKE2's CLI uses it"
)

// Flags are RKE2's effective flags of one node: key → values in order.
type Flags map[string][]string

func (f Flags) last(key string) (string, bool) {
	values := f[key]
	if len(values) == 0 {
		return "", false
	}
	return values[len(values)-1], true
}

// rke2Flags replays k3s's config parsing of the merged config.yaml for the node's command.
func rke2Flags(node *Node, facts *Facts, r *Report) Flags {
	var data yaml2.MapSlice
	if err := yaml2.Unmarshal(node.Config, &data); err != nil {
		r.errorf(node.File, "cluster.config", "rke2.config-yaml", srcConfigParse, "RKE2 cannot read config.yaml: %v", err)
		return nil
	}
	flags := Flags{}
	for _, item := range data {
		key := fmt.Sprint(item.Key)
		var values []string
		if list, isList := item.Value.([]interface{}); isList {
			for _, v := range list {
				values = append(values, flagString(v))
			}
		} else {
			values = []string{flagString(item.Value)}
		}
		row, known := facts.Rke2Keys[key]
		if !known || !scopeAllows(row["scope"], node.Command) {
			// The provider needs both ranges on every node (it reads them for NO_PROXY) and
			// adds tls-san to every node itself; the agent skips them: a known, harmless warning.
			expected := node.Command == "agent" && (key == "cluster-cidr" || key == "service-cidr" ||
				key == "tls-san" && !node.UserKeys[key])
			if !expected {
				r.ignoredf(node.File, "cluster.config."+key, "rke2.unknown-key", srcStrip, "`rke2 %s` does not know `%s`: it skips the key with a warning", node.Command, key)
			}
			continue
		}
		flags[key] = values
		checkFlagValues(node, key, row, values, item.Value, r)
	}
	checkValuesArrive(node, data, r)
	return flags
}

const srcValuesArrive = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:46-84 (sigs.k8s.io/yaml to JSON, jq, then RKE2's yaml.v2); go-yaml/yaml@v2.4.0 yamlprivateh.go:102-108 (line breaks)"

// checkValuesArrive: every string the node file's RKE2 config holds reaches RKE2 as it was
// written, after the provider's JSON, jq's output and RKE2's yaml.v2 (a line separator jq leaves
// raw is folded into a space there, for one).
func checkValuesArrive(node *Node, merged yaml2.MapSlice, r *Report) {
	var written map[string]interface{}
	if err := yaml.Unmarshal([]byte(node.Cluster.Options), &written); err != nil {
		return // reported where the node file is read
	}
	for _, item := range merged {
		key := fmt.Sprint(item.Key)
		want, ok := written[key]
		if !ok || key == "token" || key == "server" || key == "tls-san" {
			continue // the provider's own keys are merged with the user's on purpose
		}
		if got, same := stringsOf(item.Value), stringsOf(want); got != nil && same != nil && !equalStrings(got, same) {
			r.errorf(node.File, "cluster.config."+key, "rke2.value-changed", srcValuesArrive, "RKE2 reads `%s` as %q, not %q as the node file has it", key, got, same)
		}
	}
}

// stringsOf is a string value, or a list of strings, as a list; nil for anything else.
func stringsOf(v interface{}) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []interface{}:
		out := make([]string, 0, len(t))
		for _, item := range t {
			s, isString := item.(string)
			if !isString {
				return nil
			}
			out = append(out, s)
		}
		return out
	}
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// flagString is how k3s prints a config value into a flag (wrangler's convert.ToString).
func flagString(v interface{}) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

func scopeAllows(scope, command string) bool {
	return scope == "both" || scope == command
}

func checkFlagValues(node *Node, key string, row Row, values []string, raw interface{}, r *Report) {
	path := "cluster.config." + key
	_, isList := raw.([]interface{})
	if isList && row["type"] != "string-list" {
		r.errorf(node.File, path, "rke2.bad-value", srcConfigParse, "`%s` takes one value, but a list gives the flag once per item and RKE2 keeps only the last", key)
	}
	for _, v := range values {
		var err error
		switch row["type"] {
		case "bool":
			_, err = strconv.ParseBool(v)
		case "int":
			_, err = strconv.ParseInt(v, 0, 64)
		case "duration":
			_, err = time.ParseDuration(v)
		}
		if err != nil {
			r.errorf(node.File, path, "rke2.bad-value", srcValues, "RKE2 cannot read %q as the %s that `%s` takes: it exits", v, row["type"], key)
		}
	}
}

const (
	srcBindAddress = "k3s-io/k3s pkg/daemons/agent/agent_linux.go (kubelet --address is bind-address); kubelet serves on it and the API server reaches it at the node's InternalIP (node-ip)"
	srcServerURL   = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:30-33 (server https://HOST:9345 and HOST in tls-san); Go net.ParseIP and net/url"
	srcDataDir     = "rancher/rke2@6ce1a80 pkg/cli/cmds/root.go (data-dir); k3s-io/k3s pkg/deploy (manifests read from <data-dir>/server/manifests)"
)

// checkNodeAddresses: bind-address must be one the node registers with, and the server address
// must be something every node can dial.
func checkNodeAddresses(node *Node, flags Flags, r *Report) {
	if bind, set := flags.last("bind-address"); set {
		nodeIPs := map[string]bool{}
		for _, ip := range flags["node-ip"] {
			for _, item := range strings.Split(ip, ",") {
				nodeIPs[item] = true
			}
		}
		if bind != "0.0.0.0" && bind != "::" && !nodeIPs[bind] {
			r.errorf(node.File, "cluster.config.bind-address", "rke2.bind-address", srcBindAddress, "kubelet would listen on %s, which is not the node's node-ip (%s): the API server cannot reach it for logs, exec and metrics, or it cannot bind at all", bind, strings.Join(flags["node-ip"], ","))
		}
	}
	host := node.Cluster.ControlPlaneHost
	if node.Cluster.Role == "init" {
		return // the provider gives the init node no server to join
	}
	if problem := serverHostProblem(host); problem != "" {
		r.errorf(node.File, "cluster.control_plane_host", "rke2.server-address", srcServerURL, "control_plane_host %q: %s", host, problem)
	}
	for _, ip := range flags["node-ip"] {
		for _, item := range strings.Split(ip, ",") {
			if item == host {
				r.errorf(node.File, "cluster.control_plane_host", "rke2.server-address", srcServerURL, "control_plane_host %q is this node's own address: it would join itself", host)
			}
		}
	}
}

// serverHostProblem: the host must be an IPv4 address Go parses (no leading zeros) or a name Go's
// resolver and k3s's certificate SANs take (letters, digits, hyphens and underscores, no trailing
// dot), and not an address that means "this machine" (server-address.tsv).
func serverHostProblem(host string) string {
	if host == "" {
		return "empty: joining nodes dial https://:9345"
	}
	if ip := net.ParseIP(host); ip != nil {
		if ip.To4() == nil {
			return "an IPv6 address cannot stand in https://HOST:9345 without brackets"
		}
		if ip.IsLoopback() || ip.IsUnspecified() {
			return "every node would dial itself"
		}
		return ""
	}
	if looksNumeric(host) {
		return "not an IPv4 address Go accepts (leading zeros or out of range), and not a host name"
	}
	if len(host) > 253 {
		return "longer than 253 characters"
	}
	for _, label := range strings.Split(host, ".") {
		if len(label) == 0 || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return "not a host name: empty labels (a trailing dot drops it from the certificate), or labels of more than 63 characters or with outer hyphens"
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return fmt.Sprintf("not a host name: %q is not a letter, digit or hyphen", c)
			}
		}
	}
	return ""
}

func looksNumeric(host string) bool {
	for _, c := range host {
		if !(c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return true
}

func dataDir(node *Node, flags Flags, r *Report) string {
	dir, set := flags.last("data-dir")
	if !set {
		return "/var/lib/rancher/rke2"
	}
	if !strings.HasPrefix(dir, "/") {
		r.errorf(node.File, "cluster.config.data-dir", "rke2.data-dir", srcDataDir, "data-dir %q is not an absolute path: RKE2 resolves it from its working directory, and the manifests netc places are never read", dir)
	}
	return strings.TrimRight(dir, "/")
}

// checkServerIdentical: servers refuse to join a cluster whose servers disagree on these keys.
func checkServerIdentical(nodes []*Node, flags map[*Node]Flags, facts *Facts, r *Report) {
	var first *Node
	for _, node := range nodes {
		if node.Command != "server" || flags[node] == nil {
			continue
		}
		if first == nil {
			first = node
			continue
		}
		for _, row := range facts.ServerIdentical {
			key := row["key"]
			a, b := strings.Join(flags[first][key], ","), strings.Join(flags[node][key], ",")
			if a != b {
				r.errorf(node.File, "cluster.config."+key, "rke2.server-identical", row.Where(), "`%s` is %q here but %q on %s: the server's join is refused", key, b, a, first.Name)
			}
		}
	}
}
