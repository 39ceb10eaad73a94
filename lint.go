package czql

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/validate"
)

// Lint checks a .czql text: its syntax, and with [WithMetadata] every
// statement without syntax errors against the organisation's metadata.
// The `-- czql:ignore CODE` comments of the text and the rules of
// [WithConfig] are applied. The diagnostics are sorted by position. Lint
// reads no file: the caller finds the configuration and the metadata.
func Lint(name string, src []byte, opts ...Option) diag.List {
	_, diags := lintFile(name, src, collect(opts))
	return diags
}

// lintFile is Lint, returning the parsed file too.
func lintFile(name string, src []byte, o *options) (*ast.File, diag.List) {
	file, diags := ParseFile(name, src)
	diags = append(diag.List(nil), diags...)
	if o.md != nil {
		diags = append(diags, validate.CheckFile(file, o.md, diags)...)
	}
	diags = o.cfg.Apply(suppress(file, src, diags))
	diags.Sort()
	return file, diags
}
