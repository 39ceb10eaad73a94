package cli

import (
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
)

// lintJSONVersion is the version of lint's JSON report. It changes only
// when a field is removed or changes meaning; new fields may appear.
const lintJSONVersion = 1

// The JSON report of `czql lint --format json`; its schema is
// testdata/lint-json.schema.json.
type (
	jsonLintReport struct {
		Version int            `json:"version"`
		Tool    string         `json:"tool"`
		Files   []jsonLintFile `json:"files"`
		Summary lintSummary    `json:"summary"`
	}
	jsonLintFile struct {
		Path        string           `json:"path"`
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}
	jsonDiagnostic struct {
		Severity    string           `json:"severity"`
		Code        string           `json:"code"`
		Message     string           `json:"message"`
		Detail      string           `json:"detail"`
		Range       jsonRange        `json:"range"`
		Suggestions []jsonSuggestion `json:"suggestions"`
		Related     []jsonRelated    `json:"related"`
	}
	jsonRange struct {
		Start jsonPos `json:"start"`
		End   jsonPos `json:"end"`
	}
	jsonPos struct {
		Offset   int `json:"offset"`
		Line     int `json:"line"`
		Col      int `json:"col"`
		UTF16Col int `json:"utf16Col"`
	}
	jsonSuggestion struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Range   jsonRange `json:"range"`
		NewText string    `json:"newText"`
	}
	jsonRelated struct {
		Range   jsonRange `json:"range"`
		Message string    `json:"message"`
	}
)

// writeJSON writes the JSON report of every input to standard output.
func (l *linter) writeJSON() int {
	rep := jsonLintReport{Version: lintJSONVersion, Tool: "czql", Files: []jsonLintFile{}, Summary: l.summary()}
	for _, r := range l.results {
		f := jsonLintFile{Path: r.in.name, Diagnostics: []jsonDiagnostic{}}
		for _, d := range r.diags {
			f.Diagnostics = append(f.Diagnostics, toJSONDiagnostic(r.src, d))
		}
		rep.Files = append(rep.Files, f)
	}
	out, err := frontend.MarshalJSON(rep)
	if err != nil {
		l.e.errorf("encoding JSON: %v", err)
		return ExitUsage
	}
	return writeOut(l.e, out)
}

// toJSONDiagnostic converts d, whose positions are in src.
func toJSONDiagnostic(src *diag.Source, d diag.Diagnostic) jsonDiagnostic {
	j := jsonDiagnostic{
		Severity: d.Severity.String(), Code: d.Code, Message: d.Message, Detail: d.Detail,
		Range: toJSONRange(src, d.Range), Suggestions: []jsonSuggestion{}, Related: []jsonRelated{},
	}
	for _, s := range d.Suggestions {
		js := jsonSuggestion{Message: s.Message, Edits: []jsonEdit{}}
		for _, e := range s.Edits {
			js.Edits = append(js.Edits, jsonEdit{Range: toJSONRange(src, e.Range), NewText: e.NewText})
		}
		j.Suggestions = append(j.Suggestions, js)
	}
	for _, r := range d.Related {
		j.Related = append(j.Related, jsonRelated{Range: toJSONRange(src, r.Range), Message: r.Message})
	}
	return j
}

// toJSONRange converts r; an unset range becomes the start of src.
func toJSONRange(src *diag.Source, r diag.Range) jsonRange {
	r = validRange(src, r)
	return jsonRange{Start: toJSONPos(src, r.Start), End: toJSONPos(src, r.End)}
}

// toJSONPos converts p, adding its UTF-16 column.
func toJSONPos(src *diag.Source, p diag.Pos) jsonPos {
	return jsonPos{Offset: p.Offset, Line: p.Line, Col: p.Col, UTF16Col: utf16Col(src, p)}
}

// utf16Col returns the 1-based column of p in UTF-16 code units.
func utf16Col(src *diag.Source, p diag.Pos) int {
	return diag.UTF16Col(src.Line(p.Line), p.Col)
}

// validRange returns r, or the empty range at the start of src when r has
// no valid start; an end before the start becomes the start.
func validRange(src *diag.Source, r diag.Range) diag.Range {
	if !r.Start.IsValid() {
		return src.Range(0, 0)
	}
	if !r.End.IsValid() || r.End.Offset < r.Start.Offset {
		r.End = r.Start
	}
	return r
}
