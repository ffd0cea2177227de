package main

// The GitOps trees of a batch (`netc compile --fleet DIR --kustomize DIR`): per site, a Fleet
// bundle folder and a Kustomize folder holding the site's policy files. A case holds them as
// `fleet/<site>/` and `kustomize/<site>/` beside `out/`, the site's own output. Fleet reads
// fleet.yaml leniently, so a misspelt key would be lost without a word: the harness decodes it
// strictly into Fleet's own types (fleet-yaml-fields.tsv), and kustomization.yaml into
// kustomize's (kustomization-fields.tsv), then checks what the engines do with the folders.

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	kyaml "sigs.k8s.io/yaml"
)

const (
	srcFleetRead      = "rancher/fleet@5823543 internal/bundlereader/read.go:156-160 (fleet.yaml read with sigs.k8s.io/yaml Unmarshal: unknown keys are dropped)"
	srcFleetName      = "rancher/fleet@5823543 internal/bundlereader/read.go:189-197,345-352 (name becomes the Bundle's metadata.name)"
	srcFleetTargets   = "rancher/fleet@5823543 internal/bundlereader/read.go:236-255 (overrideTargets replace the GitRepo's targets); internal/cmd/controller/target/matcher/clustermatcher.go:23-78 (a target without criteria matches nothing)"
	srcFleetNs        = "rancher/fleet@5823543 pkg/apis/fleet.cattle.io/v1alpha1/bundledeployment_types.go:75-79 (namespace forces every object into one namespace and fails on cluster-scoped ones)"
	srcFleetStyle     = "rancher/fleet@5823543 internal/bundlereader/style.go:70-95 (Chart.yaml makes a Helm bundle, kustomization.yaml a Kustomize one)"
	srcFleetRaw       = "rancher/fleet@5823543 internal/helmdeployer/render/rawyaml/resources.go:18-40 (objects without apiVersion or kind are dropped)"
	srcSelector       = "kubernetes/apimachinery@v0.36.3 pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector (matchLabels and matchExpressions, all must hold)"
	srcKustomize      = "kubernetes-sigs/kustomize@401be20 api/types/kustomization.go:339-357 (decoded with DisallowUnknownFields)"
	srcKustomizeType  = "kubernetes-sigs/kustomize@401be20 api/types/kustomization.go:17-21,224-234,324-337 (apiVersion and kind)"
	srcKustomizeRoot  = "rancher/fleet@5823543 internal/helmdeployer/kustomize/kustomize.go:79-117 (only the bundle's own files, LoadRestrictionsRootOnly)"
	srcFleetOwnership = "rancher/fleet@5823543 internal/helmdeployer/install.go:216-240; helm/helm@b05881cf9 pkg/action/validate.go:72-144 (invalid ownership metadata)"
	srcFleetKeep      = "rancher/fleet@5823543 internal/helmdeployer/install.go:57-63; internal/helmdeployer/delete.go:88-101 (keepResources: only the release secrets are deleted)"
	srcFleetDrift     = "rancher/fleet@5823543 internal/helmdeployer/rollback.go:18-61 (drift corrected by a rollback to the current revision)"
	srcNetcProof      = "netc: the reachability proof evaluates the policy files as written (docs/reliability.md)"
	srcHelmKeep       = "helm/helm@b05881cf9 pkg/kube/client.go:648-691 (upgrade: live value exactly keep); pkg/action/resource_policy.go:26-46 (uninstall)"
	srcArgoOptions    = "argoproj/argo-cd@109ca7ca71 gitops-engine/pkg/sync/resource/annotations.go:13-56 (comma-separated, trimmed, exact); controller/appcontroller.go:1251-1261 (Delete=false on Application deletion)"
	srcFluxPrune      = "fluxcd/pkg@50433066 ssa/utils/meta.go:61-71 (kustomize.toolkit.fluxcd.io/prune: disabled, value without case)"
)

// checkDeletionGuards: no engine deletes a Namespace, with every workload in it; deleting an Argo
// CD Application leaves the policies in force (a Fleet bundle's keepResources does the same).
func checkDeletionGuards(where string, dir string, r *Report) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		if n := filepath.Base(f); n == "fleet.yaml" || n == "kustomization.yaml" {
			continue
		}
		for _, object := range objectsIn(f) {
			meta, _ := object["metadata"].(map[string]interface{})
			annotations, _ := meta["annotations"].(map[string]interface{})
			argo := map[string]bool{}
			for _, option := range strings.Split(str(annotations["argocd.argoproj.io/sync-options"]), ",") {
				argo[strings.TrimSpace(option)] = true
			}
			at := where + "/" + filepath.Base(f)
			switch str(object["kind"]) {
			case "Namespace":
				if str(annotations["helm.sh/resource-policy"]) != "keep" {
					r.errorf(at, str(meta["name"]), "gitops.namespace-deletable", srcHelmKeep, "Namespace %s lacks helm.sh/resource-policy: keep: Fleet's Helm deletes it, with every workload in it, when it leaves the bundle", str(meta["name"]))
				}
				if !argo["Prune=false"] || !argo["Delete=false"] {
					r.errorf(at, str(meta["name"]), "gitops.namespace-deletable", srcArgoOptions, "Namespace %s lacks argocd.argoproj.io/sync-options Prune=false,Delete=false: Argo CD deletes it when it leaves the tree or the Application is deleted", str(meta["name"]))
				}
				if !strings.EqualFold(str(annotations["kustomize.toolkit.fluxcd.io/prune"]), "disabled") {
					r.errorf(at, str(meta["name"]), "gitops.namespace-deletable", srcFluxPrune, "Namespace %s lacks kustomize.toolkit.fluxcd.io/prune: disabled: Flux deletes it when it leaves the tree", str(meta["name"]))
				}
			case "NetworkPolicy":
				if !argo["Delete=false"] {
					r.errorf(at, str(meta["name"]), "gitops.policy-deletable", srcArgoOptions, "NetworkPolicy %s/%s lacks argocd.argoproj.io/sync-options Delete=false: deleting the Application removes it, and a default-deny with it", str(meta["namespace"]), str(meta["name"]))
				}
				if argo["Prune=false"] || strings.EqualFold(str(annotations["kustomize.toolkit.fluxcd.io/prune"]), "disabled") || str(annotations["helm.sh/resource-policy"]) == "keep" {
					r.errorf(at, str(meta["name"]), "gitops.policy-kept", srcArgoOptions+"; "+srcFluxPrune+"; "+srcHelmKeep, "NetworkPolicy %s/%s is never pruned: when it leaves the spec, it keeps allowing what it allowed", str(meta["namespace"]), str(meta["name"]))
				}
			}
		}
	}
}

var dnsLabel = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)

// gitOpsPolicies are the policy files a case's GitOps trees deliver, by file name; nil when the
// case has no tree, so that the servers deliver them.
func gitOpsPolicies(kase string) map[string]string {
	var delivered map[string]string
	for _, tree := range []string{"fleet", "kustomize"} {
		sites, _ := filepath.Glob(filepath.Join(kase, tree, "*"))
		for _, site := range sites {
			files, _ := filepath.Glob(filepath.Join(site, "*.yaml"))
			for _, f := range files {
				name := filepath.Base(f)
				if name == "fleet.yaml" || name == "kustomization.yaml" {
					continue
				}
				if delivered == nil {
					delivered = map[string]string{}
				}
				data, _ := os.ReadFile(f)
				delivered[name] = string(data)
			}
		}
	}
	return delivered
}

// checkGitOps checks every site folder of the case's trees.
func checkGitOps(kase string, facts *Facts, r *Report) {
	policies := readPolicies(filepath.Join(kase, "out", "policies"))
	fleetSites, _ := filepath.Glob(filepath.Join(kase, "fleet", "*"))
	for _, site := range fleetSites {
		checkFleetBundle(site, policies, facts, r)
	}
	kustomizeSites, _ := filepath.Glob(filepath.Join(kase, "kustomize", "*"))
	for _, site := range kustomizeSites {
		checkKustomization(site, policies, facts, r)
	}
}

func readPolicies(dir string) map[string]string {
	policies := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		policies[filepath.Base(f)] = string(data)
	}
	return policies
}

func checkFleetBundle(dir string, policies map[string]string, facts *Facts, r *Report) {
	site := filepath.Base(dir)
	file := "fleet/" + site + "/fleet.yaml"
	data, err := os.ReadFile(filepath.Join(dir, "fleet.yaml"))
	if err != nil {
		r.errorf(file, "", "fleet.missing", srcFleetStyle, "the bundle folder has no fleet.yaml: Fleet deploys it to every cluster the GitRepo targets")
		return
	}
	strict := reflect.New(newTableTypes(facts.FleetFields, "json", "TargetCustomizationMode", "LabelSelectorOperator", "BundleState").goType("FleetYAML"))
	if err := kyaml.UnmarshalStrict(data, strict.Interface()); err != nil {
		r.errorf(file, "", "fleet.unknown-field", srcFleetRead, "Fleet's types do not read it as written (%v): Fleet itself would drop the key silently", err)
	}
	var bundle map[string]interface{}
	if err := kyaml.Unmarshal(data, &bundle); err != nil {
		r.errorf(file, "", "fleet.decode", srcFleetRead, "Fleet cannot read it: %v", err)
		return
	}
	name := str(bundle["name"])
	if !dnsLabel.MatchString(name) || len(name) > 63 {
		r.errorf(file, "name", "fleet.name", srcFleetName, "%q is not a DNS-1123 label of at most 63 characters", name)
	}
	if str(bundle["namespace"]) != "" {
		r.errorf(file, "namespace", "fleet.target-namespace", srcFleetNs, "namespace %q moves every object into it and fails on Namespaces", str(bundle["namespace"]))
	}
	checkFleetTargets(file, site, bundle, r)
	helm, _ := bundle["helm"].(map[string]interface{})
	if helm["takeOwnership"] != true {
		r.errorf(file, "helm.takeOwnership", "fleet.ownership", srcFleetOwnership, "without helm.takeOwnership the first deploy fails on every object an earlier compile had RKE2 apply")
	}
	if bundle["keepResources"] != true {
		r.errorf(file, "keepResources", "fleet.keep-resources", srcFleetKeep, "without keepResources, deleting the bundle deletes the site's NetworkPolicies, default-denies included")
	}
	drift, _ := bundle["correctDrift"].(map[string]interface{})
	if drift["enabled"] != true {
		r.errorf(file, "correctDrift.enabled", "fleet.drift", srcFleetDrift, "without correctDrift a deleted or edited policy stays so until the bundle changes")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if n == "Chart.yaml" || n == "kustomization.yaml" || n == "kustomization.yml" || n == "Kustomization" {
			r.errorf(file, "", "fleet.style", srcFleetStyle, "%s makes Fleet render the bundle as something other than raw YAML", n)
		}
		if n == "fleet.yaml" || strings.HasPrefix(n, ".") || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			continue
		}
		for i, object := range objectsIn(filepath.Join(dir, n)) {
			if str(object["apiVersion"]) == "" || str(object["kind"]) == "" {
				r.errorf("fleet/"+site+"/"+n, "", "fleet.no-kind", srcFleetRaw, "object %d has no apiVersion or kind: Fleet drops it", i+1)
			}
		}
	}
	comparePolicies("fleet/"+site, dir, policies, map[string]bool{"fleet.yaml": true}, r)
	checkDeletionGuards("fleet/"+site, dir, r)
}

// checkFleetTargets: the bundle goes to the site's cluster, and to no other site's.
func checkFleetTargets(file, site string, bundle map[string]interface{}, r *Report) {
	labels, _ := bundle["labels"].(map[string]interface{})
	key := ""
	for k, v := range labels {
		if str(v) == site {
			key = k
		}
	}
	targets, _ := bundle["overrideTargets"].([]interface{})
	if len(targets) == 0 {
		r.errorf(file, "overrideTargets", "fleet.targets", srcFleetTargets, "no overrideTargets: the bundle goes to every cluster the GitRepo targets, each site's policies to every site")
		return
	}
	if key == "" {
		r.errorf(file, "labels", "fleet.targets", srcFleetTargets, "no label of the bundle has the site's name %q, so it is unclear which cluster label names the site", site)
		return
	}
	own := map[string]string{key: site}
	other := map[string]string{key: site + "-other"}
	if !anyTargetSelects(targets, own) {
		r.errorf(file, "overrideTargets", "fleet.targets", srcFleetTargets+"; "+srcSelector, "no target selects the cluster labelled %s=%s", key, site)
	}
	if anyTargetSelects(targets, other) || anyTargetSelects(targets, map[string]string{}) {
		r.errorf(file, "overrideTargets", "fleet.targets", srcFleetTargets+"; "+srcSelector, "a target also selects clusters not labelled %s=%s", key, site)
	}
}

func anyTargetSelects(targets []interface{}, clusterLabels map[string]string) bool {
	for _, t := range targets {
		target, _ := t.(map[string]interface{})
		if target == nil {
			continue
		}
		criteria := 0
		matches := true
		for _, c := range []string{"clusterName", "clusterGroup", "clusterGroupSelector"} {
			if target[c] != nil && str(target[c]) != "" {
				criteria++
				matches = false // the synthetic clusters have no name and no group
			}
		}
		if selector, ok := target["clusterSelector"].(map[string]interface{}); ok {
			criteria++
			matches = matches && selects(selector, clusterLabels)
		}
		if criteria > 0 && matches {
			return true
		}
	}
	return false
}

// selects evaluates a LabelSelector: every matchLabels entry and every matchExpressions
// requirement must hold; an empty selector selects everything.
func selects(selector map[string]interface{}, labels map[string]string) bool {
	matchLabels, _ := selector["matchLabels"].(map[string]interface{})
	for k, v := range matchLabels {
		if got, ok := labels[k]; !ok || got != str(v) {
			return false
		}
	}
	expressions, _ := selector["matchExpressions"].([]interface{})
	for _, e := range expressions {
		req, _ := e.(map[string]interface{})
		value, has := labels[str(req["key"])]
		values := map[string]bool{}
		list, _ := req["values"].([]interface{})
		for _, v := range list {
			values[str(v)] = true
		}
		switch str(req["operator"]) {
		case "In":
			if !has || !values[value] {
				return false
			}
		case "NotIn":
			if has && values[value] {
				return false
			}
		case "Exists":
			if !has {
				return false
			}
		case "DoesNotExist":
			if has {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func checkKustomization(dir string, policies map[string]string, facts *Facts, r *Report) {
	site := filepath.Base(dir)
	file := "kustomize/" + site + "/kustomization.yaml"
	data, err := os.ReadFile(filepath.Join(dir, "kustomization.yaml"))
	if err != nil {
		r.errorf(file, "", "kustomize.missing", srcKustomize, "the site folder has no kustomization.yaml")
		return
	}
	strict := reflect.New(newTableTypes(facts.KustomizationFields, "json").goType("Kustomization"))
	if err := kyaml.UnmarshalStrict(data, strict.Interface()); err != nil {
		r.errorf(file, "", "kustomize.unknown-field", srcKustomize, "kustomize refuses it: %v", err)
	}
	var k map[string]interface{}
	if err := kyaml.Unmarshal(data, &k); err != nil {
		r.errorf(file, "", "kustomize.decode", srcKustomize, "kustomize cannot read it: %v", err)
		return
	}
	if v := str(k["apiVersion"]); v != "" && v != "kustomize.config.k8s.io/v1beta1" {
		r.errorf(file, "apiVersion", "kustomize.api", srcKustomizeType, "apiVersion %q is not kustomize.config.k8s.io/v1beta1", v)
	}
	if v := str(k["kind"]); v != "" && v != "Kustomization" {
		r.errorf(file, "kind", "kustomize.api", srcKustomizeType, "kind %q is not Kustomization", v)
	}
	for _, transform := range []string{"namespace", "namePrefix", "nameSuffix", "labels", "commonLabels", "commonAnnotations", "patches", "patchesStrategicMerge", "patchesJson6902", "components"} {
		if k[transform] != nil {
			r.errorf(file, transform, "kustomize.transforms", srcNetcProof, "%s changes the objects after netc proved what they allow", transform)
		}
	}
	listed := map[string]bool{}
	resources, _ := k["resources"].([]interface{})
	for i, res := range resources {
		name := str(res)
		listed[name] = true
		if strings.Contains(name, "/") || strings.Contains(name, "..") || strings.Contains(name, ":") {
			r.errorf(file, "resources", "kustomize.outside", srcKustomizeRoot, "resource %d (%s) is not a file of the site's own folder: Fleet's Kustomize cannot load it", i, name)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			r.errorf(file, "resources", "kustomize.resource-missing", srcKustomize, "resource %s does not exist", name)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		if n := filepath.Base(f); n != "kustomization.yaml" && !listed[n] {
			r.errorf(file, "resources", "kustomize.unlisted", srcKustomize, "%s is in the folder but not in resources: it is never deployed", n)
		}
	}
	comparePolicies("kustomize/"+site, dir, policies, map[string]bool{"kustomization.yaml": true}, r)
	checkDeletionGuards("kustomize/"+site, dir, r)
}

// comparePolicies: a tree delivers exactly the site's policy files, byte for byte.
func comparePolicies(where, dir string, policies map[string]string, own map[string]bool, r *Report) {
	tree := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range files {
		if !own[filepath.Base(f)] {
			data, _ := os.ReadFile(f)
			tree[filepath.Base(f)] = string(data)
		}
	}
	var names []string
	for n := range policies {
		names = append(names, n)
	}
	for n := range tree {
		if _, ok := policies[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		want, inOut := policies[n]
		got, inTree := tree[n]
		switch {
		case !inTree:
			r.errorf(where, n, "gitops.policies-differ", srcNetcProof, "the site's policies/%s is not in the tree: the engine never deploys it", n)
		case !inOut:
			r.errorf(where, n, "gitops.policies-differ", srcNetcProof, "%s is not a policy file of the site", n)
		case !bytes.Equal([]byte(want), []byte(got)):
			r.errorf(where, n, "gitops.policies-differ", srcNetcProof, "%s differs from the site's policies/%s", n, n)
		}
	}
}
