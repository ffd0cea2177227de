package main

// The manifests a server's stages place in RKE2's auto-deploy folder, and what the bundled charts
// make of the HelmChartConfigs among them: which chart reads a config (bundled-cni-charts.tsv), which
// values the rke2-canal chart reads and how it prints them (rke2-canal-values.tsv), and how flannel
// reads what was printed (flannel-backends.tsv).

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
	kyaml "sigs.k8s.io/yaml"
)

const (
	srcDeploy   = "k3s-io/k3s pkg/deploy/controller.go (every .yaml/.yml/.json file of <data-dir>/server/manifests applied as an AddOn named after the file)"
	srcHelmConf = "k3s-io/helm-controller pkg/controllers/chart/chart.go (a HelmChartConfig is read only by the HelmChart of the same name and namespace)"
	srcHelmVals = "helm/helm pkg/chartutil ReadValues (sigs.k8s.io/yaml: numbers become float64); Go text/template prints them"
	// ifnamsiz is Linux's interface name limit, 16 bytes with the final NUL.
	ifnamsiz = 15
)

// Manifest is one Kubernetes object placed in the manifests folder.
type Manifest struct {
	File   string // the node file that places it
	Path   string // where in the node file
	Object map[string]interface{}
}

func (m Manifest) kind() string { return str(m.Object["kind"]) }

func (m Manifest) name() string {
	meta, _ := m.Object["metadata"].(map[string]interface{})
	return str(meta["name"])
}

func (m Manifest) namespace() string {
	meta, _ := m.Object["metadata"].(map[string]interface{})
	return str(meta["namespace"])
}

func str(v interface{}) string {
	s, _ := v.(string)
	return s
}

// serverManifests reads the manifest files a server's stages write into its manifests folder.
func serverManifests(node *Node, dir string, stages map[string][]Stage, r *Report) []Manifest {
	var manifests []Manifest
	prefix := dir + "/server/manifests/"
	seen := map[string]string{}
	for _, stageName := range sortedKeys(stages) {
		for i, stage := range stages[stageName] {
			for j, file := range stage.Files {
				where := fmt.Sprintf("stages.%s[%d].files[%d]", stageName, i, j)
				isManifest := strings.HasSuffix(file.Path, ".yaml") && strings.Contains(file.Path, "/server/manifests/")
				if !isManifest {
					continue
				}
				if !strings.HasPrefix(file.Path, prefix) {
					r.errorf(node.File, where+".path", "manifests.path", srcDeploy, "%s is not in RKE2's manifests folder %s: RKE2 never applies it", file.Path, prefix)
					continue
				}
				base := path.Base(file.Path)
				addon := strings.SplitN(base, ".", 2)[0]
				if other, dup := seen[addon]; dup {
					r.errorf(node.File, where+".path", "manifests.addon-name", srcDeploy, "%s and %s are the same AddOn %q: one replaces the other", other, file.Path, addon)
				}
				seen[addon] = file.Path
				decoder := yaml.NewDecoder(strings.NewReader(file.Content))
				for k := 0; ; k++ {
					var object map[string]interface{}
					err := decoder.Decode(&object)
					if err == io.EOF {
						break
					}
					if err != nil {
						r.errorf(node.File, where+".content", "manifests.yaml", srcDeploy, "the manifest is not valid YAML: %v", err)
						break
					}
					if object == nil {
						continue
					}
					manifests = append(manifests, Manifest{File: node.File, Path: fmt.Sprintf("%s.content[%d]", where, k), Object: object})
				}
			}
		}
	}
	return manifests
}

// checkCharts: each HelmChartConfig must configure a chart RKE2 deploys with the node's CNI, and
// kube-proxy's nftables mode needs the values the CNI's chart reads for it.
func checkCharts(node *Node, flags Flags, kp KubeProxy, manifests []Manifest, env NodeEnv, facts *Facts, r *Report) {
	deployed := map[string]Row{}
	for _, cni := range flags["cni"] {
		for _, item := range strings.Split(cni, ",") {
			for _, row := range facts.BundledCNICharts {
				if row["cni"] == item && row["chart"] != "" {
					deployed[row["chart"]] = row
				}
			}
		}
	}
	configs := map[string]Manifest{}
	for _, m := range manifests {
		if m.kind() != "HelmChartConfig" {
			continue
		}
		configs[m.name()] = m
		if _, ok := deployed[m.name()]; !ok || m.namespace() != "kube-system" {
			r.ignoredf(node.File, m.Path, "charts.no-chart", srcHelmConf, "HelmChartConfig %s/%s configures no chart RKE2 deploys with cni %s: its values are never read", m.namespace(), m.name(), strings.Join(flags["cni"], ","))
			continue
		}
		if m.name() == "rke2-canal" {
			checkCanalValues(node, flags, m, env, facts, r)
		} else {
			checkCniValues(node, m, facts, r)
		}
	}
	checkServicesImplemented(node, flags, configs, r)
	if kp.Mode != "nftables" {
		return
	}
	for chart, row := range deployed {
		for _, item := range strings.Split(row["values-for-nftables"], ",") {
			want := strings.TrimSpace(item)
			if want == "" {
				continue
			}
			key, value, _ := strings.Cut(want, "=")
			config, ok := configs[chart]
			if !ok || fmt.Sprint(lookup(chartValues(config), key)) != value {
				r.errorf(node.File, "stages", "charts.nftables", row.Where(), "kube-proxy runs in nftables mode but chart %s is not given %s=%s: the CNI keeps programming iptables", chart, key, value)
			}
		}
	}
}

// chartValues reads valuesContent as Helm does (sigs.k8s.io/yaml, numbers as float64).
func chartValues(config Manifest) map[string]interface{} {
	spec, _ := config.Object["spec"].(map[string]interface{})
	values := map[string]interface{}{}
	_ = kyaml.Unmarshal([]byte(str(spec["valuesContent"])), &values)
	return values
}

func lookup(values map[string]interface{}, dotted string) interface{} {
	var current interface{} = values
	for _, part := range strings.Split(dotted, ".") {
		m, ok := current.(map[string]interface{})
		if !ok {
			return nil
		}
		current = m[part]
	}
	return current
}

func leaves(prefix string, value interface{}, out map[string]interface{}) {
	if m, ok := value.(map[string]interface{}); ok && len(m) > 0 {
		for k, v := range m {
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			leaves(key, v, out)
		}
		return
	}
	out[prefix] = value
}

func checkCanalValues(node *Node, flags Flags, config Manifest, env NodeEnv, facts *Facts, r *Report) {
	spec, _ := config.Object["spec"].(map[string]interface{})
	values := map[string]interface{}{}
	if err := kyaml.Unmarshal([]byte(str(spec["valuesContent"])), &values); err != nil {
		r.errorf(node.File, config.Path, "canal.values", srcHelmVals, "Helm cannot read valuesContent: %v", err)
		return
	}
	backend := "vxlan"
	if row, ok := facts.CanalValues["flannel.backend"]; ok && row["default"] != "" {
		backend = row["default"]
	}
	if b, ok := lookup(values, "flannel.backend").(string); ok {
		backend = b
	}
	ipv6 := false
	for _, cidr := range flags["cluster-cidr"] {
		ipv6 = ipv6 || strings.Contains(cidr, ":")
	}
	all := map[string]interface{}{}
	leaves("", values, all)
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		value := all[key]
		where := config.Path + ".valuesContent." + key
		row, known := facts.CanalValues[key]
		if !known {
			r.ignoredf(node.File, where, "canal.unknown-value", "rancher/rke2-charts packages/rke2-canal (values.yaml and templates)", "the rke2-canal chart has no value `%s`: it is never read", key)
			continue
		}
		if !modesInclude(row["backends"], backend) {
			r.ignoredf(node.File, where, "canal.backend-ignored", row.Where(), "the chart reads `%s` only for %s; with backend %s it is ignored", key, row["backends"], backend)
			continue
		}
		rendered := renderValue(value, row["render"])
		if key == "flannel.psk" {
			checkPsk(node, where, printed(value, row["render"]), row.Where(), r)
		}
		if row["type"] == "int" {
			var n int
			if err := json.Unmarshal([]byte(rendered), &n); err != nil {
				r.errorf(node.File, where, "canal.render", row.Where()+"; "+srcHelmVals, "the chart prints `%s` as %s, which flannel/Calico cannot read as a whole number", key, rendered)
				continue
			}
			if key == "flannel.vni" {
				checkDeviceNames(node, where, n, ipv6, facts, r)
			}
		}
	}
	checkMtu(node, values, backend, ipv6, env, facts, r)
}

// renderValue prints a value as the chart template does: `quote`d or as it is (render column).
func renderValue(value interface{}, render string) string {
	quoted := strings.Contains(render, "quote")
	text := "{{ .v }}"
	if quoted {
		text = "{{ .v | quote }}"
	}
	tmpl := template.Must(template.New("value").Funcs(sprig.TxtFuncMap()).Parse(text))
	var out bytes.Buffer
	_ = tmpl.Execute(&out, map[string]interface{}{"v": value})
	rendered := out.String()
	if quoted {
		unquoted, err := strconv.Unquote(rendered)
		if err == nil {
			return unquoted
		}
	}
	return rendered
}

// printed is the text a chart's template writes where it prints a value: as renderValue gives it,
// in the double quotes of sprig's quote (Go's %q) when the render column says the chart quotes it.
func printed(value interface{}, render string) string {
	text := renderValue(value, render)
	if strings.Contains(render, "quote") {
		return strconv.Quote(text)
	}
	return text
}

var devicePattern = regexp.MustCompile(`<vni>`)

func checkDeviceNames(node *Node, where string, vni int, ipv6 bool, facts *Facts, r *Report) {
	for _, row := range facts.FlannelBackends {
		if row["backend"] != "vxlan" || (row["family"] == "ipv6" && !ipv6) || !strings.Contains(row["device"], "<vni>") {
			continue
		}
		name := devicePattern.ReplaceAllString(row["device"], strconv.Itoa(vni))
		if len(name) > ifnamsiz {
			r.errorf(node.File, where, "canal.device-name", row.Where(), "flannel names its device %s, longer than Linux's %d characters: it cannot create it", name, ifnamsiz)
		}
	}
}

// checkMtu: the pod MTU must fit into flannel's device, whose MTU is the underlay's minus the
// backend's overhead, on every node.
func checkMtu(node *Node, values map[string]interface{}, backend string, ipv6 bool, env NodeEnv, facts *Facts, r *Report) {
	vethMtu, hasMtu := lookup(values, "calico.vethuMTU").(float64)
	if !hasMtu {
		row := facts.CanalValues["calico.vethuMTU"]
		n, err := strconv.Atoi(row["default"])
		if err != nil {
			return
		}
		vethMtu = float64(n)
	}
	overhead := 0
	source := ""
	for _, row := range facts.FlannelBackends {
		if row["backend"] == backend && (row["family"] == "ipv4" || ipv6) {
			if n, err := strconv.Atoi(row["overhead"]); err == nil && n > overhead {
				overhead, source = n, row.Where()
			}
		}
	}
	iface, _ := lookup(values, "flannel.iface").(string)
	regex, _ := lookup(values, "flannel.regexIface").(string)
	for _, name := range env.Nodes() {
		for _, i := range env[name].Interfaces {
			matches := i.Name == iface
			if iface == "" && regex != "" {
				re, err := regexp.Compile(regex)
				matches = err == nil && re.MatchString(i.Name)
			}
			if !matches || i.MTU == 0 {
				continue
			}
			if int(vethMtu) > i.MTU-overhead {
				r.errorf(node.File, "calico.vethuMTU", "canal.mtu", source, "pods send %d-byte packets, but flannel's %s device on %s's %s carries %d (%d - %d)", int(vethMtu), backend, name, i.Name, i.MTU-overhead, i.MTU, overhead)
			}
		}
	}
}

func sortedKeys(stages map[string][]Stage) []string {
	names := make([]string, 0, len(stages))
	for name := range stages {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

const srcCniValues = "cni-chart-values.tsv (rancher/rke2-charts@d83185c rke2-calico, rke2-cilium, rke2-flannel)"

// checkCniValues: every value given to rke2-calico, rke2-cilium or rke2-flannel is one its
// templates read (a map row covers what lies below it).
func checkCniValues(node *Node, config Manifest, facts *Facts, r *Report) {
	all := map[string]interface{}{}
	leaves("", chartValues(config), all)
	for key, value := range all {
		known := false
		for _, row := range facts.CniChartValues {
			if row["chart"] == config.name() && (row["value"] == key || strings.HasPrefix(key, row["value"]+".")) {
				known = true
			}
			if row["chart"] == config.name() && row["value"] == key && key == "flannel.psk" {
				checkPsk(node, config.Path+".valuesContent."+key, printed(value, row["render"]), srcCniValues, r)
			}
		}
		if !known {
			r.ignoredf(node.File, config.Path+".valuesContent."+key, "cni.unknown-value", srcCniValues, "the %s chart has no value `%s`: it is never read", config.name(), key)
		}
	}
}

// checkServicesImplemented: with disable-kube-proxy no kube-proxy runs on any node, and only
// Cilium's kube-proxy replacement implements Services in its place (cni-chart-values.tsv).
func checkServicesImplemented(node *Node, flags Flags, configs map[string]Manifest, r *Report) {
	if disabled, _ := flags.last("disable-kube-proxy"); disabled != "true" {
		return
	}
	cilium, ok := configs["rke2-cilium"]
	replaced := ok && fmt.Sprint(lookup(chartValues(cilium), "kubeProxyReplacement")) == "true" &&
		lookup(chartValues(cilium), "k8sServiceHost") != nil
	if !replaced {
		r.errorf(node.File, "cluster.config.disable-kube-proxy", "services.unimplemented", srcCniValues, "disable-kube-proxy runs no kube-proxy, and no CNI chart is told to replace it (rke2-cilium kubeProxyReplacement and k8sServiceHost): Services have no implementation")
	}
}

const srcPsk = "flannel-io/flannel@cdf7605 pkg/subnet/config.go:56-72 (net-conf.json's Backend decoded with encoding/json), pkg/backend/wireguard/wireguard.go:115-134 (PSK parsed with wgtypes.ParseKey); WireGuard/wgctrl-go@925a1e7 wgtypes/types.go:112-132"

// checkPsk replays flanneld reading WireGuard's pre-shared key from net-conf.json, where the chart
// printed it as `"PSK": <printed>`. wgctrl-go is not packaged in Debian, so ParseKey's two steps are
// repeated here: standard base64, then exactly 32 bytes. The key itself is never printed.
func checkPsk(node *Node, where, printed, source string, r *Report) {
	var backend struct{ PSK string }
	if err := json.Unmarshal([]byte("{\"PSK\": "+printed+"}"), &backend); err != nil {
		r.errorf(node.File, where, "flannel.psk", source+"; "+srcPsk, "net-conf.json with the key as the chart prints it is not JSON: flanneld exits")
		return
	}
	key, err := base64.StdEncoding.DecodeString(backend.PSK)
	if err != nil || len(key) != 32 {
		r.errorf(node.File, where, "flannel.psk", source+"; "+srcPsk, "flanneld gets a PSK that is not 32 bytes of standard base64 (could not parse psk): it exits on every node")
	}
}
