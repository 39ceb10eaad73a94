package czql

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/format"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
)

// QueryName is the file name that diagnostics of a query given as a string
// carry, as `czql … -q` shows them.
const QueryName = "<query>"

// ParseFile parses a .czql file: statements separated by ';', with
// comments. Every statement yields a query, partial where it has errors,
// and an error in one statement hides no other.
func ParseFile(name string, src []byte) (*ast.File, diag.List) {
	return parser.ParseFile(name, src)
}

// ParseQuery parses exactly one statement (a trailing ';' is allowed). The
// query is never nil: it is partial, or empty, on errors.
func ParseQuery(src string) (*ast.Query, diag.List) {
	return parser.ParseQuery(QueryName, []byte(src))
}

// Format returns src in canonical form, as `czql fmt` prints it. A text
// with syntax errors is never formatted: the error is then the
// [diag.List] of its diagnostics.
func Format(src []byte) ([]byte, error) {
	out, diags := format.Source(QueryName, src)
	if diags.HasErrors() {
		return nil, diags
	}
	return out, nil
}

// LoadMetadata reads an organisation's metadata: describeMetadata JSON
// (`{"entityDescriptions": […]}`) or a cache file of `czql metadata
// fetch`. Several files are merged, later ones winning. Names a document
// gives twice are listed by [metadata.Metadata.Duplicates]; the commands
// print them as warnings.
func LoadMetadata(paths ...string) (*metadata.Metadata, error) {
	return metadata.Load(paths...)
}
