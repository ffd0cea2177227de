package main

// An air-gapped node: RKE2 imports the image archives of <data-dir>/agent/images at every start,
// by extension (rke2-airgap.tsv), and a node without its CNI's images gets no pod network. This
// runs the node's stage commands with sh, as yip does, on a folder seeded with the archives the
// node file names (one of each kind when it copies by pattern), and checks that the images folder then holds RKE2's core images and every
// CNI's (airgap-archives.tsv).

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

var archiveNames = regexp.MustCompile(`rke2-images[a-z0-9-]*\.linux-[a-z0-9]+\.tar(\.zst|\.gz)?`)

func checkAirgap(node *Node, dir string, flags Flags, stages map[string][]Stage, facts *Facts, r *Report) {
	if !node.Cluster.ImportLocalImages {
		return
	}
	images := strings.TrimRight(node.Cluster.LocalImagesPath, "/") + "/"
	target := dir + "/agent/images/"
	tmp, err := os.MkdirTemp("", "netc-airgap-")
	if err != nil {
		r.errorf(node.File, "", "harness.tmp", "", "%v", err)
		return
	}
	defer os.RemoveAll(tmp)
	source, placed := filepath.Join(tmp, "medium")+"/", filepath.Join(tmp, "images")+"/"
	_ = os.MkdirAll(source, 0o755)
	var commands []string
	for _, name := range sortedKeys(stages) {
		for _, stage := range stages[name] {
			for _, c := range stage.Commands {
				if strings.Contains(c, target) {
					// the archives the commands name are on the install medium; a command that
					// copies by pattern copies whatever the user put there, so the medium is
					// seeded with one archive of every kind RKE2 publishes
					named := archiveNames.FindAllString(c, -1)
					if len(named) == 0 && strings.Contains(c, "*") {
						for _, row := range facts.AirgapArchives {
							named = append(named, strings.Fields(row["archives"])[0]+".linux-amd64.tar.zst")
						}
					}
					for _, archive := range named {
						_ = os.WriteFile(filepath.Join(source, archive), []byte("archive"), 0o644)
					}
					commands = append(commands, strings.ReplaceAll(strings.ReplaceAll(c, target, placed), images, source))
				}
			}
		}
	}
	for _, c := range commands {
		if out, err := exec.Command("sh", "-c", c).CombinedOutput(); err != nil {
			r.errorf(node.File, "stages", "airgap.stage-fails", srcYipRun, "a stage command fails under sh: %v: %s", err, strings.TrimSpace(string(out)))
		}
	}
	entries, _ := os.ReadDir(placed)
	var present []string
	for _, e := range entries {
		present = append(present, e.Name())
	}
	needs := append([]string{"core"}, strings.Split(strings.Join(flags["cni"], ","), ",")...)
	if node.Command == "agent" {
		needs = []string{"core"} // an agent's config carries no cni: the servers' decides, checked there
	}
	for _, row := range facts.AirgapArchives {
		if indexOf(needs, row["needs"]) < 0 {
			continue
		}
		found := false
		for _, base := range strings.Fields(row["archives"]) {
			for _, file := range present {
				found = found || strings.HasPrefix(file, base+".linux-")
			}
		}
		if !found {
			r.errorf(node.File, "stages", "airgap.missing-images", row.Where(), "after the stages ran, %s holds no archive of %s (%s): RKE2 cannot start it without a registry", target, row["needs"], row["archives"])
		}
	}
}
