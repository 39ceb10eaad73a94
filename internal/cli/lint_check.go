package cli

import (
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// check lints the text of the named input with the linter's metadata.
func (l *linter) check(name string, text []byte) diag.List {
	return lintText(name, text, l.md)
}

// lintText is the whole check of one source text: its syntax diagnostics
// and, when md is not nil, those of validation (statements with syntax
// errors are not validated), without the ones its czql:ignore comments
// suppress, sorted by position.
func lintText(name string, text []byte, md *metadata.Metadata) diag.List {
	file, diags := parser.ParseFile(name, text)
	diags = append(diag.List(nil), diags...)
	if md != nil {
		diags = append(diags, validate.CheckFile(file, md, diags)...)
	}
	diags = suppress(file, text, diags)
	diags.Sort()
	return diags
}
