package lsp

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/czql/czql/diag"
)

// codeActions answers textDocument/codeAction for a range: the quick
// fixes behind its diagnostics (their suggestions with edits: a
// did-you-mean, a canonical spelling), "ignore CODE for this statement",
// and "show the API request" of the statement there.
func (s *server) codeActions(params json.RawMessage) (any, error) {
	p, err := decode[CodeActionParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	from, to := snap.lines.offsets(p.Range)
	s.mu.Lock()
	literals := s.client.codeActionLiterals
	s.mu.Unlock()
	show := showRequestCommand(d.uri, snap, from)
	if !literals {
		if show == nil {
			return []Command{}, nil
		}
		return []Command{*show}, nil
	}
	var out []CodeAction
	if wants(p.Context.Only, kindQuickFix) {
		out = s.quickFixes(d.uri, snap, from, to)
	}
	if show != nil && wants(p.Context.Only, kindSource) {
		out = append(out, CodeAction{Title: show.Title, Kind: kindSource, Command: show})
	}
	if out == nil {
		out = []CodeAction{}
	}
	return out, nil
}

// wants reports whether the kinds a client asks for (all when none)
// include kind.
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// quickFixes returns the fixes of the diagnostics that meet the byte span
// [from, to] of snap.
func (s *server) quickFixes(uri string, snap *snapshot, from, to int) []CodeAction {
	d := s.document(uri)
	if d == nil {
		return nil
	}
	res := s.resultFor(d, snap)
	var out []CodeAction
	ignored := map[string]bool{}
	for i, dg := range res.diags {
		if !dg.Range.Start.IsValid() || dg.Range.Start.Offset > to || max(dg.Range.End.Offset, dg.Range.Start.Offset) < from {
			continue
		}
		for _, sg := range dg.Suggestions {
			if len(sg.Edits) == 0 {
				continue
			}
			out = append(out, CodeAction{
				Title: fixTitle(sg), Kind: kindQuickFix, Diagnostics: []Diagnostic{res.lsp[i]},
				IsPreferred: len(dg.Suggestions) == 1, Edit: workspaceEdit(uri, snap.lines, sg.Edits),
			})
		}
		if a, ok := ignoreAction(uri, snap, dg, res.lsp[i]); ok && !ignored[a.Title+a.key] {
			ignored[a.Title+a.key] = true
			out = append(out, a.CodeAction)
		}
	}
	return out
}

// fixTitle names the fix of a suggestion.
func fixTitle(sg diag.Suggestion) string {
	if len(sg.Edits) == 1 && sg.Edits[0].NewText != "" {
		return fmt.Sprintf("Change to %q", sg.Edits[0].NewText)
	}
	return "Apply: " + sg.Message
}

// workspaceEdit converts edits of one document.
func workspaceEdit(uri string, lines *lineIndex, edits []diag.Edit) *WorkspaceEdit {
	out := make([]TextEdit, len(edits))
	for i, e := range edits {
		out[i] = TextEdit{Range: lines.rangeOf(e.Range.Start.Offset, e.Range.End.Offset), NewText: e.NewText}
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{uri: out}}
}

// keyedAction is a code action with a key that tells duplicates apart.
type keyedAction struct {
	CodeAction
	key string
}

// ignoreLine matches a comment line that silences codes: its codes end at
// the end of group 1.
var ignoreLine = regexp.MustCompile(`^[ \t]*--[ \t]*czql:ignore[ \t]+([\w-]+(?:[ \t]*,[ \t]*[\w-]+)*)[ \t]*\r?$`)

// ignoreAction is "ignore CODE for this statement": a `-- czql:ignore
// CODE` line before the statement of dg, or CODE added to such a line
// that is there.
func ignoreAction(uri string, snap *snapshot, dg diag.Diagnostic, item Diagnostic) (keyedAction, bool) {
	st, ok := statementAt(snap.text, dg.Range.Start.Offset)
	if !ok || dg.Code == "" {
		return keyedAction{}, false
	}
	text := snap.text
	lineStart := strings.LastIndexByte(text[:st.start], '\n') + 1
	var edit diag.Edit
	indent := text[lineStart:st.start]
	switch {
	case strings.Trim(indent, " \t") != "": // another statement before it on its line
		edit = insertAt(st.start, "\n-- czql:ignore "+dg.Code+"\n")
	case lineStart > 0:
		prevStart := strings.LastIndexByte(text[:lineStart-1], '\n') + 1
		if m := ignoreLine.FindStringSubmatchIndex(text[prevStart : lineStart-1]); m != nil {
			edit = insertAt(prevStart+m[3], ","+dg.Code)
			break
		}
		fallthrough
	default:
		edit = insertAt(lineStart, indent+"-- czql:ignore "+dg.Code+"\n")
	}
	a := CodeAction{
		Title: "Ignore " + dg.Code + " for this statement", Kind: kindQuickFix,
		Diagnostics: []Diagnostic{item}, Edit: workspaceEdit(uri, snap.lines, []diag.Edit{edit}),
	}
	return keyedAction{a, fmt.Sprint(st.start)}, true
}

// insertAt is an edit that inserts text at a byte offset.
func insertAt(off int, text string) diag.Edit {
	p := diag.Pos{Offset: off, Line: 1, Col: 1}
	return diag.Edit{Range: diag.Range{Start: p, End: p}, NewText: text}
}
