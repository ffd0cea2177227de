package main

// The path of a node file from the Kairos installer to RKE2's config.yaml, replayed with the
// libraries the consumers use. Citations: KS = kairos-io/kairos-sdk@14f5755,
// PR = kairos-io/provider-rke2@3442049, YIP = mudler/yip@62df27a.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
	kyaml "sigs.k8s.io/yaml"
)

// sdkCluster mirrors the fields of the SDK's cluster block that provider-rke2 reads, with the
// SDK's YAML names and Go types (KS clusterplugin/config.go:43-73).
type sdkCluster struct {
	ClusterToken      string            `yaml:"cluster_token,omitempty"`
	ControlPlaneHost  string            `yaml:"control_plane_host,omitempty"`
	Role              string            `yaml:"role,omitempty"`
	Options           string            `yaml:"config,omitempty"`
	ProviderOptions   map[string]string `yaml:"providerConfig,omitempty"`
	Env               map[string]string `yaml:"env,omitempty"`
	CACerts           []string          `yaml:"ca_certs,omitempty"`
	ImportLocalImages bool              `yaml:"import_local_images,omitempty"`
	LocalImagesPath   string            `yaml:"local_images_path,omitempty"`
	ClusterConfigPath string            `yaml:"cluster_config_path,omitempty"`
}

type sdkConfig struct {
	Cluster *sdkCluster `yaml:"cluster,omitempty"`
}

// providerRKE2Config mirrors the provider's own config file (PR pkg/types/rke2.go:3-7).
type providerRKE2Config struct {
	Token  string   `yaml:"token"`
	Server string   `yaml:"server"`
	TLSSan []string `yaml:"tls-san"`
}

const (
	srcHeader     = "kairos-io/kairos-sdk@14f5755 collector/collector.go:527-548"
	srcCollector  = "kairos-io/kairos-sdk@14f5755 collector/collector.go:299-326 (yaml.v3 into a map); :227-244 (String, yaml.v3 Marshal)"
	srcSDK        = "kairos-io/kairos-sdk@14f5755 clusterplugin/plugin.go:28-46 (yaml.v3 into Config); clusterplugin/config.go:43-73"
	srcRole       = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:36-43 (init: no server; worker: rke2-agent; any other role: rke2-server)"
	srcYAMLToJSON = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:46-53 (sigs.k8s.io/yaml YAMLToJSON, error ignored)"
	srcProxyEnv   = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:56,166-178 (unchecked .(string) on cluster-cidr and service-cidr)"
	srcFiles      = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:58-69 (90_userdata, 99_userdata in /etc/rancher/rke2/config.d); mudler/yip@62df27a pkg/plugins/files.go:64 (content rendered as a template)"
	srcMerge      = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:84 (jq: every top-level key of every file merged with +=)"
)

// Node is one node file, replayed up to the config RKE2 reads.
type Node struct {
	File    string
	Name    string
	Cluster sdkCluster
	// Payload is the config as the installer and the boot event carry it (yaml.v3 round trip).
	Payload []byte
	// Command is the RKE2 service the provider enables: "server" or "agent".
	Command string
	// Config is RKE2's config.yaml after the provider's jq merge (JSON).
	Config []byte
	// UserKeys are the keys of the node file's own RKE2 config, before the provider adds its own.
	UserKeys map[string]bool
}

// readNode replays the installer, the SDK and provider-rke2 on one node file. It returns nil
// when a consumer stops before RKE2's config exists; findings say why.
func readNode(path, file string, r *Report) *Node {
	data, err := os.ReadFile(path)
	if err != nil {
		r.errorf(file, "", "harness.read", "", "%v", err)
		return nil
	}
	if !hasCloudConfigHeader(string(data)) {
		r.errorf(file, "", "kairos.header", srcHeader, "no `#cloud-config` header in the first 10 lines: Kairos skips the file")
		return nil
	}
	// The installer collects the file into a map (yaml.v3) and writes it back out with yaml.v3;
	// the boot event carries that text to the provider.
	var values map[string]interface{}
	if err := yaml.Unmarshal(data, &values); err != nil {
		r.errorf(file, "", "kairos.collector-yaml", srcCollector, "yaml.v3 cannot read the file, so Kairos drops it: %v", err)
		return nil
	}
	payload, err := yaml.Marshal(values)
	if err != nil {
		r.errorf(file, "", "kairos.collector-yaml", srcCollector, "yaml.v3 cannot write the file back: %v", err)
		return nil
	}
	var again map[string]interface{}
	if err := yaml.Unmarshal(payload, &again); err != nil || !reflect.DeepEqual(values, again) {
		r.errorf(file, "", "kairos.roundtrip", srcCollector, "the config changes when Kairos writes it to /oem and reads it again")
	}
	var config sdkConfig
	if err := yaml.Unmarshal(payload, &config); err != nil {
		r.errorf(file, "cluster", "sdk.cluster-decode", srcSDK, "the SDK cannot decode the cluster block: %v", err)
		return nil
	}
	if config.Cluster == nil {
		r.errorf(file, "cluster", "sdk.cluster-decode", srcSDK, "no cluster block: provider-rke2 is never asked to configure the node")
		return nil
	}
	reportUnknownKeys(file, "cluster", values["cluster"], reflect.TypeOf(sdkCluster{}), "sdk.unknown-key", srcSDK, r)

	node := &Node{File: file, Name: strings.TrimSuffix(filepath.Base(file), ".yaml"), Cluster: *config.Cluster, Payload: payload}
	switch config.Cluster.Role {
	case "init", "controlplane":
		node.Command = "server"
	case "worker":
		node.Command = "agent"
	default:
		r.errorf(file, "cluster.role", "provider.role", srcRole, "role %q is not init, controlplane or worker: the provider starts it as an RKE2 server", config.Cluster.Role)
		node.Command = "server"
	}
	node.Config = providerConfig(node, r)
	if node.Config == nil {
		return nil
	}
	return node
}

func hasCloudConfigHeader(data string) bool {
	for _, line := range strings.SplitN(data, "\n", 10) {
		header := strings.TrimRightFunc(line, unicode.IsSpace)
		if header == "#cloud-config" || header == "#kairos-config" || header == "#node-config" {
			return true
		}
	}
	return false
}

// reportUnknownKeys flags mapping keys that a struct with yaml tags does not declare: yaml.v3
// drops them without a word.
func reportUnknownKeys(file, path string, value interface{}, t reflect.Type, rule, source string, r *Report) {
	m, ok := value.(map[string]interface{})
	if !ok {
		return
	}
	known := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		known[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	for key := range m {
		if !known[key] {
			r.ignoredf(file, path+"."+key, rule, source, "`%s` is not a field the consumer reads; it is dropped", key)
		}
	}
}

// providerConfig replays provider-rke2: the user's options and the provider's own values as
// JSON files, each written through yip's templating, merged by jq into config.yaml.
func providerConfig(node *Node, r *Report) []byte {
	c := node.Cluster
	options := c.Options
	if options == "" {
		options = "{}"
	}
	userOptions, err := kyaml.YAMLToJSON([]byte(options))
	if err != nil {
		r.errorf(node.File, "cluster.config", "provider.config-json", srcYAMLToJSON, "sigs.k8s.io/yaml cannot read the RKE2 config, and the provider writes an empty file instead: %v", err)
		return nil
	}
	var data map[string]interface{}
	if err := json.Unmarshal(userOptions, &data); err != nil || data == nil {
		r.errorf(node.File, "cluster.config", "provider.config-json", srcYAMLToJSON, "the RKE2 config is not a mapping")
		return nil
	}
	for _, key := range []string{"cluster-cidr", "service-cidr"} {
		if _, isString := data[key].(string); !isString {
			r.errorf(node.File, "cluster.config."+key, "provider.proxy-env", srcProxyEnv, "`%s` is missing or not a string: the provider panics before writing any file", key)
			return nil
		}
	}
	own := providerRKE2Config{Token: c.ClusterToken, Server: fmt.Sprintf("https://%s:9345", c.ControlPlaneHost), TLSSan: []string{c.ControlPlaneHost}}
	if c.Role == "init" {
		own.Server = ""
	}
	var ownYAML bytes.Buffer
	if err := yaml.NewEncoder(&ownYAML).Encode(&own); err != nil {
		r.errorf(node.File, "cluster", "provider.config-json", srcYAMLToJSON, "%v", err)
		return nil
	}
	ownJSON, err := kyaml.YAMLToJSON(ownYAML.Bytes())
	if err != nil {
		r.errorf(node.File, "cluster", "provider.config-json", srcYAMLToJSON, "%v", err)
		return nil
	}
	files := []struct{ name, content string }{{"90_userdata.yaml", string(userOptions)}, {"99_userdata.yaml", string(ownJSON)}}
	dir, err := os.MkdirTemp("", "netc-conformance-")
	if err != nil {
		r.errorf(node.File, "", "harness.tmp", "", "%v", err)
		return nil
	}
	defer os.RemoveAll(dir)
	var paths []string
	for _, f := range files {
		// The provider's files are written by yip, which renders their content as a template.
		if rendered, changed := yipRender(f.content); changed {
			r.errorf(node.File, "cluster", "provider.template", srcFiles, "yip renders %s as a Go template and writes %q", f.name, abbreviate(rendered))
		}
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte(f.content), 0o600); err != nil {
			r.errorf(node.File, "", "harness.tmp", "", "%v", err)
			return nil
		}
		paths = append(paths, p)
	}
	node.UserKeys = map[string]bool{}
	for key := range data {
		node.UserKeys[key] = true
	}
	for _, key := range []string{"token", "server"} {
		if _, set := data[key]; set {
			r.errorf(node.File, "cluster.config."+key, "provider.merge", srcMerge, "`%s` is also written by the provider: jq adds the two values together", key)
		}
	}
	// The same merge as the provider's: every key of every file, in file order, with `+=`
	// (strings and lists concatenate, numbers add, booleans cannot be added).
	filter := `[.[] | to_entries[]] | reduce .[] as $entry ({}; .[$entry.key] += $entry.value)`
	cmd := exec.Command("jq", "-s", "-c", filter)
	cmd.Args = append(cmd.Args, paths...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	merged, err := cmd.Output()
	if err != nil {
		r.errorf(node.File, "cluster.config", "provider.merge", srcMerge, "jq cannot merge the config files (%s): RKE2 has no config.yaml", strings.TrimSpace(stderr.String()))
		return nil
	}
	return merged
}

func abbreviate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
