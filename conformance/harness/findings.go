package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Severity says what the consumer does with a value.
const (
	// SevError: the consumer refuses the value, fails, or reads it as something else.
	SevError = "error"
	// SevIgnored: the consumer accepts the file but silently does nothing with the value.
	SevIgnored = "ignored"
)

// Finding is one thing a consumer would do differently from what the emitted file says.
type Finding struct {
	Case     string `json:"case"`
	File     string `json:"file"`
	Path     string `json:"path,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	// Source cites the consumer's code (or the table row citing it) that decides the finding.
	Source string `json:"source"`
}

// Report collects findings; the order of the output is fixed (file, rule, path, message).
type Report struct {
	findings []Finding
	// kase is the case being checked, set on every finding added.
	kase string
}

func (r *Report) add(f Finding) {
	f.Case = r.kase
	r.findings = append(r.findings, f)
}

func (r *Report) errorf(file, path, rule, source, format string, args ...interface{}) {
	r.add(Finding{File: file, Path: path, Severity: SevError, Rule: rule, Source: source, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) ignoredf(file, path, rule, source, format string, args ...interface{}) {
	r.add(Finding{File: file, Path: path, Severity: SevIgnored, Rule: rule, Source: source, Message: fmt.Sprintf(format, args...)})
}

// write prints one JSON object per line.
func (r *Report) write(out io.Writer) error {
	sort.SliceStable(r.findings, func(i, j int) bool {
		a, b := r.findings[i], r.findings[j]
		if a.Case != b.Case {
			return a.Case < b.Case
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, f := range r.findings {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return nil
}
