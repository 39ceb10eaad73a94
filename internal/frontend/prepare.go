package frontend

import (
	"io"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
	"github.com/czql/czql/validate"
)

// Prepare checks and translates the statements of text (the input called
// name) through the library's one pipeline, czql.TranslateFile with opts
// (metadata, configuration, parameters), as `czql run`, `czql translate`
// and the shell do before sending or printing anything. The diagnostics
// go to w with source snippets ([WriteDiags]), without the infos of
// validation rules (a missing LIMIT, say), which are lint's to show. When
// any is an error nothing is returned and the code is [ExitErrors]; an
// input without statements gets a warning, and an empty list with
// [ExitOK].
func Prepare(w io.Writer, name string, text []byte, opts ...czql.Option) ([]*translate.Request, int) {
	reqs, diags := czql.TranslateFile(name, text, opts...)
	diags = withoutCheckInfos(diags)
	if code := WriteDiags(w, name, text, diags); code != ExitOK {
		return nil, code
	}
	if len(reqs) == 0 && len(diags) == 0 { // the parser usually warns already
		WriteDiags(w, name, text, diag.List{noStatements(name, text)})
	}
	return reqs, ExitOK // warnings alone, even "no statements", do not fail
}

// withoutCheckInfos drops the infos of validation rules (such as a
// missing LIMIT): translate and run leave them to lint.
func withoutCheckInfos(diags diag.List) diag.List {
	out := diags[:0:0]
	for _, d := range diags {
		if d.Severity == diag.Info && validationCodes[d.Code] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// validationCodes are the codes of validate's rules.
var validationCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range validate.DefaultRules() {
		m[r.Name] = true
	}
	return m
}()

// noStatements is the diagnostic for an input without any statement.
func noStatements(name string, text []byte) diag.Diagnostic {
	src := diag.NewSource(name, text)
	return diag.Diagnostic{Severity: diag.Warning, Code: "no-statements", Range: src.Range(0, 0), Message: "no statement to translate"}
}
