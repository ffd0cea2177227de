package main

// Go types built from a table of a consumer's struct fields (yip-stage-fields.tsv,
// fleet-yaml-fields.tsv, kustomization-fields.tsv: type, field, key, Go type), so that a file is
// decoded into the same shapes the consumer declares. A type the table does not describe decodes
// into interface{}: netc writes none of them.

import (
	"fmt"
	"reflect"
	"strings"
)

type tableTypes struct {
	fields map[string][]Row
	built  map[string]reflect.Type
	// tag is the struct tag the consumer decodes with: yaml (yaml.v3) or json (encoding/json)
	tag string
	// strings are the consumer's named string types (IfCheckType, LabelSelectorOperator, ...)
	strings map[string]bool
}

// newTableTypes reads rows with the columns type, field, <tag> and gotype.
func newTableTypes(rows []Row, tag string, stringTypes ...string) *tableTypes {
	t := &tableTypes{fields: map[string][]Row{}, built: map[string]reflect.Type{}, tag: tag, strings: map[string]bool{}}
	for _, row := range rows {
		t.fields[row["type"]] = append(t.fields[row["type"]], row)
	}
	for _, s := range stringTypes {
		t.strings[s] = true
	}
	return t
}

func (t *tableTypes) goType(expr string) reflect.Type {
	switch {
	case strings.HasPrefix(expr, "[]"):
		return reflect.SliceOf(t.goType(expr[2:]))
	case strings.HasPrefix(expr, "*"):
		return reflect.PtrTo(t.goType(expr[1:]))
	case strings.HasPrefix(expr, "map["):
		end := strings.Index(expr, "]")
		return reflect.MapOf(t.goType(expr[4:end]), t.goType(expr[end+1:]))
	}
	if dot := strings.LastIndex(expr, "."); dot >= 0 {
		expr = expr[dot+1:] // metav1.LabelSelector: the table names the type without its package
	}
	if t.strings[expr] {
		return reflect.TypeOf("")
	}
	switch expr {
	case "string":
		return reflect.TypeOf("")
	case "bool":
		return reflect.TypeOf(false)
	case "int":
		return reflect.TypeOf(0)
	case "uint32":
		return reflect.TypeOf(uint32(0))
	case "uint64":
		return reflect.TypeOf(uint64(0))
	case "int64":
		return reflect.TypeOf(int64(0))
	}
	if built, ok := t.built[expr]; ok {
		return built
	}
	if _, described := t.fields[expr]; !described {
		return reflect.TypeOf((*interface{})(nil)).Elem()
	}
	built := reflect.StructOf(t.structFields(expr, map[string]bool{}, map[string]bool{}))
	t.built[expr] = built
	return built
}

// structFields are a described type's fields, with those of an inlined type (key `(inline)`)
// taken in as the decoders do: an outer field hides an inner one of the same key.
func (t *tableTypes) structFields(expr string, keys, names map[string]bool) []reflect.StructField {
	var fields []reflect.StructField
	var inlined []string
	for _, row := range t.fields[expr] {
		key := row[t.tag]
		if key == "(inline)" {
			inlined = append(inlined, row["gotype"])
			continue
		}
		if keys[key] {
			continue
		}
		keys[key] = true
		name := row["field"]
		for names[name] {
			name += "_"
		}
		names[name] = true
		fields = append(fields, reflect.StructField{
			Name: name,
			Type: t.goType(row["gotype"]),
			Tag:  reflect.StructTag(fmt.Sprintf(`%s:"%s,omitempty"`, t.tag, key)),
		})
	}
	for _, inner := range inlined {
		if dot := strings.LastIndex(inner, "."); dot >= 0 {
			inner = inner[dot+1:]
		}
		fields = append(fields, t.structFields(inner, keys, names)...)
	}
	return fields
}
