package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Table is a checked-in TSV file of consumer facts: a header row, then one row per fact, each
// with a `source` column citing the consumer's code (repository@commit path:line).
type Table struct {
	Name string
	Rows []Row
}

// Row is one data row, by column name.
type Row map[string]string

// Where names the row's citation, for findings.
func (r Row) Where() string {
	return r["source"]
}

func readTable(dir, name string, header ...string) (Table, error) {
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return Table{}, err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	got := strings.Split(lines[0], "\t")
	for _, column := range header {
		if indexOf(got, column) < 0 {
			return Table{}, fmt.Errorf("%s: header %q has no column %q", path, lines[0], column)
		}
	}
	table := Table{Name: name}
	for i, line := range lines[1:] {
		fields := strings.Split(line, "\t")
		if len(fields) != len(got) {
			return Table{}, fmt.Errorf("%s:%d: %d fields, header has %d", path, i+2, len(fields), len(got))
		}
		row := Row{}
		for j, column := range got {
			row[column] = fields[j]
		}
		table.Rows = append(table.Rows, row)
	}
	return table, nil
}

func indexOf(list []string, s string) int {
	for i, item := range list {
		if item == s {
			return i
		}
	}
	return -1
}

// by indexes the rows by one column; a column value may occur once only.
func (t Table) by(column string) map[string]Row {
	index := map[string]Row{}
	for _, row := range t.Rows {
		index[row[column]] = row
	}
	return index
}

// Facts are every table the harness replays consumers with.
type Facts struct {
	Rke2Keys            map[string]Row // rke2-config-keys.tsv: key, type, scope
	ServerIdentical     []Row          // rke2-server-identical-keys.tsv: key
	KubeProxyFlags      map[string]Row // kube-proxy-flags.tsv: flag, type, modes
	HostPrereqs         []Row          // host-prerequisites.tsv: option, value, kind, name, required
	YipFields           []Row          // yip-stage-fields.tsv: type, field, yaml, gotype
	KairosStages        map[string]Row // kairos-stages.tsv: stage, before-rke2-first-boot, before-rke2-later-boots
	CanalValues         map[string]Row // rke2-canal-values.tsv: value, type, backends, render
	FlannelBackends     []Row          // flannel-backends.tsv: backend, family, overhead, device
	BundledCNICharts    []Row          // bundled-cni-charts.tsv: cni, chart, values-for-nftables
	KubeProxyValidation map[string]Row // kube-proxy-validation.tsv: field, flag, rule
	SpecialRanges       []Row          // special-address-ranges.tsv: ranges, name, applies-to, why
	ValueRules          map[string]Row // rke2-value-rules.tsv: key, rule
	KubeletNodeLabels   []Row          // kubelet-node-labels.tsv: key, kind
	KubeProxyStopFlags  map[string]Row // kube-proxy-stop-flags.tsv: flag, when, effect
	AirgapArchives      []Row          // airgap-archives.tsv: needs, archives
	CniChartValues      []Row          // cni-chart-values.tsv: chart, value
	FleetFields         []Row          // fleet-yaml-fields.tsv: type, field, json, gotype
	KustomizationFields []Row          // kustomization-fields.tsv: field (Type.Field), json, gotype
}

// typeDotField splits a `Type.Field` column into the type and field columns of the other tables.
func typeDotField(rows []Row) []Row {
	split := make([]Row, 0, len(rows))
	for _, row := range rows {
		copied := Row{}
		for k, v := range row {
			copied[k] = v
		}
		dot := strings.Index(row["field"], ".")
		copied["type"], copied["field"] = row["field"][:dot], row["field"][dot+1:]
		split = append(split, copied)
	}
	return split
}

func loadFacts(dir string) (*Facts, error) {
	type spec struct {
		name   string
		header []string
		keep   func(Table)
	}
	f := &Facts{}
	specs := []spec{
		{"rke2-config-keys.tsv", []string{"key", "type", "scope"}, func(t Table) { f.Rke2Keys = t.by("key") }},
		{"rke2-server-identical-keys.tsv", []string{"key", "source"}, func(t Table) { f.ServerIdentical = t.Rows }},
		{"kube-proxy-flags.tsv", []string{"flag", "type", "modes", "source"}, func(t Table) { f.KubeProxyFlags = t.by("flag") }},
		{"host-prerequisites.tsv", []string{"option", "value", "kind", "name", "required", "source"}, func(t Table) { f.HostPrereqs = t.Rows }},
		{"yip-stage-fields.tsv", []string{"type", "field", "yaml", "gotype", "source"}, func(t Table) { f.YipFields = t.Rows }},
		{"kairos-stages.tsv", []string{"stage", "before-rke2-first-boot", "before-rke2-later-boots", "source"}, func(t Table) { f.KairosStages = t.by("stage") }},
		{"rke2-canal-values.tsv", []string{"value", "type", "backends", "render", "source"}, func(t Table) { f.CanalValues = t.by("value") }},
		{"flannel-backends.tsv", []string{"backend", "family", "overhead", "device", "source"}, func(t Table) { f.FlannelBackends = t.Rows }},
		{"bundled-cni-charts.tsv", []string{"cni", "chart", "values-for-nftables", "source"}, func(t Table) { f.BundledCNICharts = t.Rows }},
		{"kube-proxy-validation.tsv", []string{"flag", "rule", "source"}, func(t Table) { f.KubeProxyValidation = t.by("flag") }},
		{"special-address-ranges.tsv", []string{"ranges", "name", "applies-to", "why", "source"}, func(t Table) { f.SpecialRanges = t.Rows }},
		{"rke2-value-rules.tsv", []string{"key", "rule", "source"}, func(t Table) { f.ValueRules = t.by("key") }},
		{"kubelet-node-labels.tsv", []string{"key", "kind", "source"}, func(t Table) { f.KubeletNodeLabels = t.Rows }},
		{"kube-proxy-stop-flags.tsv", []string{"flag", "when", "effect", "source"}, func(t Table) { f.KubeProxyStopFlags = t.by("flag") }},
		{"airgap-archives.tsv", []string{"needs", "archives", "source"}, func(t Table) { f.AirgapArchives = t.Rows }},
		{"cni-chart-values.tsv", []string{"chart", "value", "source"}, func(t Table) { f.CniChartValues = t.Rows }},
		{"fleet-yaml-fields.tsv", []string{"type", "field", "json", "gotype", "source"}, func(t Table) { f.FleetFields = t.Rows }},
		{"kustomization-fields.tsv", []string{"field", "json", "gotype", "source"}, func(t Table) { f.KustomizationFields = typeDotField(t.Rows) }},
	}
	for _, s := range specs {
		t, err := readTable(dir, s.name, s.header...)
		if err != nil {
			return nil, err
		}
		s.keep(t)
	}
	return f, nil
}
