package lsp

import (
	"encoding/json"
	"strings"

	"github.com/czql/czql/format"
)

// formatting answers textDocument/formatting with the edit that makes the
// document canonical, as `czql fmt` prints it. A document with syntax
// errors is never formatted: the answer is then no edit.
func (s *server) formatting(params json.RawMessage) (any, error) {
	p, err := decode[DocumentFormattingParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out, diags := format.Source(d.path, []byte(snap.text))
	if diags.HasErrors() {
		return []TextEdit{}, nil
	}
	return minimalEdit(snap.lines, 0, snap.text, string(out)), nil
}

// rangeFormatting answers textDocument/rangeFormatting: the statements
// the range touches are formatted whole, from the start of the first to
// the ';' of the last. Statements with syntax errors are not formatted.
func (s *server) rangeFormatting(params json.RawMessage) (any, error) {
	p, err := decode[DocumentRangeFormattingParams](params)
	if err != nil {
		return nil, err
	}
	_, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	from, to := snap.lines.offsets(p.Range)
	start, end := -1, -1
	statements(snap.text, func(st stmt) bool {
		if st.semi >= from && st.start <= to {
			if start < 0 {
				start = st.start
			}
			end = st.semi
		}
		return st.start <= to
	})
	if start < 0 {
		return []TextEdit{}, nil
	}
	part := snap.text[start:end]
	out, diags := format.Source("", []byte(part))
	if diags.HasErrors() {
		return []TextEdit{}, nil
	}
	formatted := string(out)
	if !strings.HasSuffix(part, "\n") {
		formatted = strings.TrimSuffix(formatted, "\n")
	}
	return minimalEdit(snap.lines, start, part, formatted), nil
}

// minimalEdit returns the one edit that turns old, the text at byte
// offset base of the document, into new: the span between their common
// prefix and suffix. It returns no edit when they are equal.
func minimalEdit(lines *lineIndex, base int, old, new string) []TextEdit {
	if old == new {
		return []TextEdit{}
	}
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(new)-p && old[len(old)-1-q] == new[len(new)-1-q] {
		q++
	}
	// Keep the edit on rune boundaries of both texts.
	for p > 0 && !runeBoundary(old, p) {
		p--
	}
	for q > 0 && !(runeBoundary(old, len(old)-q) && runeBoundary(new, len(new)-q)) {
		q--
	}
	r := lines.rangeOf(base+p, base+len(old)-q)
	return []TextEdit{{Range: r, NewText: new[p : len(new)-q]}}
}

// runeBoundary reports whether offset i of s starts a rune (or is its
// end).
func runeBoundary(s string, i int) bool {
	return i >= len(s) || s[i] < 0x80 || s[i] >= 0xC0
}
