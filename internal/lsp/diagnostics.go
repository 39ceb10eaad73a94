package lsp

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
)

// sourceName is the source of every diagnostic the server sends.
const sourceName = "czql"

// check checks d's current text with its configuration and metadata —
// czql.Lint, the pipeline of `czql lint` — keeps the result and, unless
// the client pulls diagnostics, publishes them. A configuration or
// metadata file that changed on disk makes every other open document due
// for a check too.
func (s *server) check(d *document) {
	if !s.waitSettings(d.w) {
		return
	}
	s.mu.Lock()
	snap := d.snap
	s.mu.Unlock()
	st := s.resolveSetup(d)
	res := s.lint(d, snap, st)
	s.mu.Lock()
	fresh := s.docs[d.uri] == d && d.snap == snap
	if fresh {
		d.result, d.setup = res, st
	}
	pull, refresh := s.client.pull, s.client.refresh
	s.mu.Unlock()
	s.tell(st.notes)
	if fresh && !pull && !d.w.stopped() {
		s.publish(d.uri, snap.version, res.lsp)
	}
	s.srcs.prepare(st.md)
	if st.changed {
		s.recheckOthers(d)
		if pull && refresh {
			go s.refreshDiagnostics()
		}
	}
	s.watchFiles()
}

// setupFor resolves the configuration and metadata of d for a request
// (completion, hover, …): when that finds a file changed on disk, every
// open document is due for a check, since none was checked with the new
// file.
func (s *server) setupFor(d *document) setup {
	st := s.resolveSetup(d)
	if st.changed {
		s.recheckAll()
	}
	return st
}

// resolveSetup resolves the configuration and metadata of d under the
// session's settings: the initializationOptions win over the client's
// settings.
func (s *server) resolveSetup(d *document) setup {
	s.mu.Lock()
	want, root := s.init, s.root
	if want.Metadata == "" {
		want.Metadata = s.settings.Metadata
	}
	if want.Config == "" {
		want.Config = s.settings.Config
	}
	s.mu.Unlock()
	return s.srcs.resolve(d.path, root, want)
}

// lint checks snap with st and converts the diagnostics for the client.
func (s *server) lint(d *document, snap *snapshot, st setup) *checked {
	opts := []czql.Option{czql.WithConfig(st.cfg)}
	if st.md != nil {
		opts = append(opts, czql.WithMetadata(st.md))
	}
	name := d.path
	if name == "" {
		name = d.uri
	}
	diags := czql.Lint(name, []byte(snap.text), opts...)
	s.mu.Lock()
	related := s.client.relatedInfo
	s.mu.Unlock()
	items := make([]Diagnostic, len(diags))
	for i, dg := range diags {
		items[i] = toLSP(snap.lines, d.uri, dg, related)
	}
	return &checked{snap: snap, diags: diags, lsp: items}
}

// toLSP converts one diagnostic; positions come from its byte offsets.
func toLSP(lines *lineIndex, uri string, d diag.Diagnostic, related bool) Diagnostic {
	out := Diagnostic{Range: diagRange(lines, d.Range), Severity: severity(d.Severity), Code: d.Code, Source: sourceName, Message: d.Message}
	if !related {
		return out
	}
	for _, r := range d.Related {
		if r.Range.IsValid() {
			out.RelatedInformation = append(out.RelatedInformation, DiagnosticRelatedInformation{
				Location: Location{URI: uri, Range: diagRange(lines, r.Range)}, Message: r.Message,
			})
		}
	}
	return out
}

// diagRange converts a diagnostic's range; one without a position (a
// problem of the whole text) is put at the start.
func diagRange(lines *lineIndex, r diag.Range) Range {
	if !r.Start.IsValid() {
		return Range{}
	}
	end := r.Start.Offset
	if r.End.IsValid() {
		end = max(end, r.End.Offset)
	}
	return lines.rangeOf(r.Start.Offset, end)
}

// severity converts a severity; an unset one counts as an error.
func severity(s diag.Severity) int {
	switch s {
	case diag.Warning:
		return severityWarning
	case diag.Info:
		return severityInformation
	}
	return severityError
}

// publish sends the diagnostics of one version of a document.
func (s *server) publish(uri string, version int32, items []Diagnostic) {
	if items == nil {
		items = []Diagnostic{}
	}
	s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: items})
}

// tell shows each note once.
func (s *server) tell(notes []note) {
	for _, n := range notes {
		s.showOnce(n.key, n.typ, n.msg)
	}
}

// recheckOthers makes every open document but d due for a check.
func (s *server) recheckOthers(d *document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.docs {
		if o != d {
			o.w.schedule(0)
		}
	}
}

// refreshDiagnostics asks a client that pulls diagnostics to pull them
// again.
func (s *server) refreshDiagnostics() {
	if err := s.call("workspace/diagnostic/refresh", nil, nil); err != nil {
		s.log.Printf("czql lsp: workspace/diagnostic/refresh: %v", err)
	}
}

// pullDiagnostics answers textDocument/diagnostic with the diagnostics of
// the document's current text: those of its last check, or of a check
// made now when the text changed since.
func (s *server) pullDiagnostics(params json.RawMessage) (any, error) {
	p, err := decode[DocumentDiagnosticParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return FullDocumentDiagnosticReport{Kind: "full", Items: []Diagnostic{}}, nil
	}
	res := s.resultFor(d, snap)
	return FullDocumentDiagnosticReport{Kind: "full", ResultID: fmt.Sprint(snap.version), Items: slices.Clip(append([]Diagnostic{}, res.lsp...))}, nil
}

// resultFor returns the check of snap, d's current text: the worker's
// when it has made it, else one made now (and kept).
func (s *server) resultFor(d *document, snap *snapshot) *checked {
	s.mu.Lock()
	res := d.result
	s.mu.Unlock()
	if res != nil && res.snap == snap {
		return res
	}
	st := s.setupFor(d)
	res = s.lint(d, snap, st)
	s.tell(st.notes)
	s.mu.Lock()
	if d.snap == snap {
		d.result, d.setup = res, st
	}
	s.mu.Unlock()
	return res
}
