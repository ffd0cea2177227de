package main

// yip, which runs the stages of the node file: its types (from yip-stage-fields.tsv, decoded
// with yaml.v3 as yip does) and its templating. YIP = mudler/yip@62df27a.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
)

const (
	srcYipLoad     = "mudler/yip@62df27a pkg/schema/loader_cloudinit.go:127-143 (the stages are read with yaml.v3 and dropped, all of them, when that fails)"
	srcYipTemplate = "mudler/yip@62df27a pkg/plugins/common.go:33-80, pkg/utils/text.go:14-24 (commands, file contents, if, environment and entities rendered with text/template and sprig)"
)

// Stage is what the checks read of a decoded yip stage (field names as yip's Go fields).
type Stage struct {
	Name        string
	Commands    []string
	If          string
	Files       []StageFile
	Modules     []string
	Sysctl      map[string]string
	Users       map[string]StageUser
	Environment map[string]string
}

type StageFile struct {
	Path        string
	Permissions uint32
	Owner       int
	Group       int
	Content     string
}

type StageUser struct {
	Name         string
	PrimaryGroup string
	Groups       []string
	NoUserGroup  bool
	System       bool
}

// readStages decodes the stages of a node's config text as yip does. A decoding error drops
// every stage of the file.
func readStages(node *Node, facts *Facts, r *Report) map[string][]Stage {
	types := newTableTypes(facts.YipFields, "yaml", "IfCheckType")
	stageType := types.goType("Stage")
	config := reflect.New(reflect.StructOf([]reflect.StructField{{
		Name: "Stages",
		Type: reflect.MapOf(reflect.TypeOf(""), reflect.SliceOf(stageType)),
		Tag:  `yaml:"stages,omitempty"`,
	}}))
	if err := yaml.Unmarshal(node.Payload, config.Interface()); err != nil {
		r.errorf(node.File, "stages", "yip.decode", srcYipLoad, "yip cannot decode the stages with its types, so it runs none of them: %v", err)
		return nil
	}
	var raw struct {
		Stages map[string][]map[string]interface{} `yaml:"stages"`
	}
	_ = yaml.Unmarshal(node.Payload, &raw)
	for name, stages := range raw.Stages {
		for i, stage := range stages {
			path := fmt.Sprintf("stages.%s[%d]", name, i)
			reportUnknownKeys(node.File, path, stage, stageType, "yip.unknown-field", "mudler/yip@62df27a pkg/schema/schema.go (Stage)", r)
			if files, ok := stage["files"].([]interface{}); ok {
				for j, file := range files {
					reportUnknownKeys(node.File, fmt.Sprintf("%s.files[%d]", path, j), file, types.goType("File"), "yip.unknown-field", "mudler/yip@62df27a pkg/schema/schema.go (File)", r)
				}
			}
		}
	}
	// The typed value, read back into the fields the checks use.
	asJSON, err := json.Marshal(config.Elem().Field(0).Interface())
	if err != nil {
		r.errorf(node.File, "stages", "harness.json", "", "%v", err)
		return nil
	}
	var stages map[string][]Stage
	if err := json.Unmarshal(asJSON, &stages); err != nil {
		r.errorf(node.File, "stages", "harness.json", "", "%v", err)
		return nil
	}
	for name, list := range stages {
		for i, stage := range list {
			checkTemplates(node.File, fmt.Sprintf("stages.%s[%d]", name, i), stage, r)
		}
	}
	return stages
}

func checkTemplates(file, path string, stage Stage, r *Report) {
	texts := map[string]string{path + ".if": stage.If}
	for i, command := range stage.Commands {
		texts[fmt.Sprintf("%s.commands[%d]", path, i)] = command
	}
	for i, f := range stage.Files {
		texts[fmt.Sprintf("%s.files[%d].content", path, i)] = f.Content
	}
	for key, value := range stage.Environment {
		texts[path+".environment."+key] = value
	}
	for where, text := range texts {
		if rendered, changed := yipRender(text); changed {
			r.errorf(file, where, "yip.template", srcYipTemplate, "yip renders the text as a Go template and writes %q instead", abbreviate(rendered))
		}
	}
}

// yipRender renders a text as yip does; yip keeps the text as it is when the template fails.
func yipRender(text string) (string, bool) {
	tmpl, err := template.New("template").Funcs(sprig.TxtFuncMap()).Parse(text)
	if err != nil {
		return text, false
	}
	var out bytes.Buffer
	values := map[string]interface{}{"Random": "0123456789abcdefghijklmnopqrstuv", "ProtectedID": "protected-id"}
	if err := tmpl.Execute(&out, map[string]interface{}{"Values": values}); err != nil {
		return text, false
	}
	return out.String(), out.String() != text
}

// stageRunsBeforeRKE2 says whether a stage of the user config has run before RKE2 starts, on
// the first boot and on every later one (kairos-stages.tsv).
func stageRunsBeforeRKE2(facts *Facts, stage string) (bool, Row) {
	row, ok := facts.KairosStages[stage]
	if !ok {
		return false, Row{"source": "kairos-stages.tsv: no such stage"}
	}
	return row["before-rke2-first-boot"] == "yes" && row["before-rke2-later-boots"] == "yes", row
}
