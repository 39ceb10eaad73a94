package format

import (
	"bytes"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// Source parses src as a .czql file named name and returns it in canonical
// form. When the file has syntax errors it returns nil and the
// diagnostics: a broken file is never printed. Otherwise the diagnostics,
// if any, are remarks of lower severity.
func Source(name string, src []byte) ([]byte, diag.List) {
	f, diags := parser.ParseFile(name, src)
	if diags.HasErrors() {
		return nil, diags
	}
	var buf bytes.Buffer
	if err := File(&buf, f); err != nil {
		return nil, append(diags, diag.Errorf("format", diag.Range{}, "%v", err))
	}
	return buf.Bytes(), diags
}
