package main

// RKE2's deploy controller and the manifests netc owns in its folder: a file left in place keeps
// being applied, a removed file leaves its objects behind, and a file that holds fewer objects
// makes the controller delete the others, a Namespace with all its workloads included unless it is
// labelled objectset.rio.cattle.io/prune=false (notes/rke2-and-k3s.md). The servers' stages must
// retire the policy manifest of a namespace that left the spec; the harness runs their commands
// with sh, as yip does, on a folder seeded with such manifests.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

const (
	srcPrune     = "k3s-io/k3s@2a1e2e8 pkg/deploy/controller.go:253-259 (objects a file no longer holds are pruned); rancher/wrangler@633d1c7 pkg/apply/desiredset_compare.go shouldPrune (label objectset.rio.cattle.io/prune=false)"
	srcStale     = "k3s-io/k3s@2a1e2e8 pkg/deploy/controller.go:121-170 (only existing files are applied; a removed file's objects stay)"
	srcYipRun    = "mudler/yip@62df27a pkg/console/console.go:49-61 (commands run with sh -c)"
	neverPrune   = "objectset.rio.cattle.io/prune"
	policyPrefix = "netc-policies-"
)

func checkDeploy(node *Node, dir string, stages map[string][]Stage, manifests []Manifest, gitOps map[string]string, r *Report) {
	for _, m := range manifests {
		if m.kind() != "Namespace" {
			continue
		}
		meta, _ := m.Object["metadata"].(map[string]interface{})
		labels, _ := meta["labels"].(map[string]interface{})
		if fmt.Sprint(labels[neverPrune]) != "false" {
			r.errorf(node.File, m.Path, "deploy.namespace-prunable", srcPrune, "Namespace %s is not labelled %s: \"false\": when its manifest is retired or disabled, RKE2 deletes it with every workload in it", m.name(), neverPrune)
		}
	}
	replayRetirement(node, dir+"/server/manifests/", stages, gitOps, r)
}

// replayRetirement seeds a folder with the server's manifests and with those of two namespaces that
// left the spec, runs the stage commands that name the manifests folder, and checks the result.
// With a GitOps engine, the folder also holds the site's policies as an earlier compile placed
// them: they must be removed, leaving their objects for the engine to adopt. A tombstone would
// delete them, opening the namespaces until the engine deploys them again; a file left in place
// would be re-applied by RKE2 over the engine's newer policies.
func replayRetirement(node *Node, manifests string, stages map[string][]Stage, gitOps map[string]string, r *Report) {
	tmp, err := os.MkdirTemp("", "netc-manifests-")
	if err != nil {
		r.errorf(node.File, "", "harness.tmp", "", "%v", err)
		return
	}
	defer os.RemoveAll(tmp)
	current := map[string]string{}
	var commands []string
	for _, name := range sortedKeys(stages) {
		for _, stage := range stages[name] {
			for _, f := range stage.Files {
				if strings.HasPrefix(f.Path, manifests) {
					current[strings.TrimPrefix(f.Path, manifests)] = f.Content
				}
			}
			for _, c := range stage.Commands {
				if strings.Contains(c, manifests) {
					commands = append(commands, strings.ReplaceAll(c, manifests, tmp+"/"))
				}
			}
		}
	}
	for name := range current {
		if gitOps != nil && strings.HasPrefix(name, policyPrefix) {
			r.errorf(node.File, "stages", "deploy.double-delivery", srcStale, "a GitOps engine delivers the policies, and the server still places %s: RKE2 re-applies it at every start, over what the engine deployed since", name)
		}
	}
	gone := policyPrefix + "zz-gone.yaml"
	goneContent := "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: zz-gone\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: zz-gone\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n"
	foreign := policyPrefix + "zz-foreign.yaml"
	foreignContent := "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-x\n  namespace: kube-system\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n"
	seed := map[string]string{gone: goneContent, foreign: foreignContent}
	for name, content := range gitOps {
		seed[policyPrefix+name] = content
	}
	for name, content := range current {
		seed[name] = content
	}
	for name, content := range seed {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(content), 0o600); err != nil {
			r.errorf(node.File, "", "harness.tmp", "", "%v", err)
			return
		}
	}
	for _, c := range commands {
		if out, err := exec.Command("sh", "-c", c).CombinedOutput(); err != nil {
			r.errorf(node.File, "stages", "deploy.retire-fails", srcYipRun, "a stage command fails under sh: %v: %s", err, strings.TrimSpace(string(out)))
		}
	}
	for name, content := range current {
		if after, _ := os.ReadFile(filepath.Join(tmp, name)); string(after) != content {
			r.errorf(node.File, "stages", "deploy.retire-current", srcYipRun, "the stage commands change %s, a manifest of the current spec", name)
		}
	}
	for name := range gitOps {
		if _, err := os.Stat(filepath.Join(tmp, policyPrefix+name)); err == nil {
			r.errorf(node.File, "stages", "deploy.handover", srcStale, "%s%s, placed by an earlier compile, is still in the manifests folder after the stages ran: RKE2 keeps applying it beside the GitOps engine", policyPrefix, name)
		}
	}
	goneObjects := objectsIn(filepath.Join(tmp, gone))
	if len(goneObjects) != 1 || str(goneObjects[0]["kind"]) != "Namespace" {
		r.errorf(node.File, "stages", "deploy.stale-policies", srcStale, "the policy manifest of a namespace that left the spec still holds %d objects after the stages ran: its NetworkPolicies stay applied (a default-deny keeps isolating, allows keep allowing)", len(goneObjects))
	} else if labels, _ := goneObjects[0]["metadata"].(map[string]interface{})["labels"].(map[string]interface{}); fmt.Sprint(labels[neverPrune]) != "false" {
		r.errorf(node.File, "stages", "deploy.namespace-prunable", srcPrune, "the retired manifest keeps a Namespace without %s: \"false\"", neverPrune)
	}
	if n := len(objectsIn(filepath.Join(tmp, foreign))); n != 0 {
		r.errorf(node.File, "stages", "deploy.stale-policies", srcStale, "the policy manifest of a namespace netc does not create still holds %d objects after the stages ran", n)
	}
}

func objectsIn(path string) []map[string]interface{} {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var objects []map[string]interface{}
	decoder := yaml.NewDecoder(strings.NewReader(string(data)))
	for {
		var object map[string]interface{}
		if err := decoder.Decode(&object); err == io.EOF || err != nil {
			break
		}
		if object != nil {
			objects = append(objects, object)
		}
	}
	return objects
}
