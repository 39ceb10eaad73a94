package validate

import (
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// BadPath reports a dot path that cannot be followed.
var BadPath = &Rule{
	Name: "bad-path",
	Doc: `Reports a dot path that goes through a field that is not a reference,
or names a segment that the referenced entity does not have. A reference
with several target entities is resolved against their union and is an
error only when no target has the segment. A path through a reference whose
targets are unknown (empty referencedEntities, such as EntityType) gets a
warning, since it cannot be checked. The sub-fields value and currency of a
Money field, and value and unit of a Duration field, are used in practice
but not documented (czql-reference.md §9 row 13): they get a warning.`,
	Severity: diag.Error,
	Run:      runBadPath,
}

func runBadPath(p *Pass) {
	for _, ref := range fieldRefs(p.Query) {
		fi := p.Info.Fields[ref]
		if fi == nil || fi.At <= 0 || fi.At >= len(ref.Segments) {
			continue
		}
		if d, ok := badPath(fi); ok {
			p.Report(d)
		}
	}
}

// badPath builds the diagnostic for a path that stopped at fi.At.
func badPath(fi *FieldInfo) (diag.Diagnostic, bool) {
	seg := fi.Ref.Segments[fi.At]
	prev := fi.Segments[fi.At-1]
	d := diag.Diagnostic{Range: seg.Rng}
	switch fi.Status {
	case PathNotReference:
		d.Message = "field " + quote(prev.Name) + " is " + article(prev.Type) + " field, not a reference: cannot follow it to " + quote(seg.Name)
		d.Detail = "Only fields of type Entity can be followed with a dot" + compoundHint(prev.Type)
		if subs := compoundSubs(prev.Type); subs != nil {
			d = withSuggestions(d, seg, subs)
		}
	case PathUnknownSegment:
		d.Message = "entity " + entityList(fi.Owners) + " has no field " + quote(seg.Name)
		if len(fi.Owners) > 1 {
			d.Message = "none of the entities " + entityList(fi.Owners) + " has a field " + quote(seg.Name)
		}
		d.Detail = "The path follows " + quote(prev.Name) + ", a reference to " + entityList(fi.Owners) + "."
		d = withSuggestions(d, seg, fieldNames(fi.Owners))
	case PathOpaque:
		d.Severity = diag.Warning
		d.Message = "cannot check path through " + quote(prev.Name) + ": its targets are unknown"
		d.Detail = "The metadata gives no referencedEntities for this field, so the rest of the path is not checked."
	case PathCompound:
		d.Severity = diag.Warning
		d.Message = "sub-field " + quote(fi.Sub) + " of " + string(prev.Type) + " field " + quote(prev.Name) + " is not documented"
		d.Detail = "Paths such as RegularRate.value are used in practice, but the API documentation does not describe them."
	default:
		return d, false
	}
	return d, true
}

// article returns "a String" or "an Integer" for t.
func article(t metadata.FieldType) string {
	switch string(t) {
	case "":
		return "a non-reference"
	}
	switch string(t)[0] {
	case 'A', 'E', 'I', 'O', 'U':
		return "an " + string(t)
	}
	return "a " + string(t)
}

// articleStart is article at the start of a sentence: "A String", "An
// Integer".
func articleStart(t metadata.FieldType) string {
	a := article(t)
	return strings.ToUpper(a[:1]) + a[1:]
}

// compoundHint ends the detail sentence of a non-reference path.
func compoundHint(t metadata.FieldType) string {
	switch t {
	case metadata.Money:
		return "; a Money value has the sub-fields value and currency."
	case metadata.Duration:
		return "; a Duration value has the sub-fields value and unit."
	}
	return "."
}
