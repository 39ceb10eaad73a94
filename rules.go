package czql

import (
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// Rule describes one diagnostic code: what a configuration's `rules:` and
// a `-- czql:ignore` comment name.
type Rule struct {
	Code     string        // such as "unknown-field"
	Severity diag.Severity // its default severity
	Doc      string        // full sentences
}

// Short returns the first sentence of the rule's doc.
func (r Rule) Short() string {
	if i := strings.Index(r.Doc, ". "); i >= 0 {
		return r.Doc[:i+1]
	}
	return r.Doc
}

// syntaxRules are the codes of the lexer's and the parser's diagnostics.
var syntaxRules = []Rule{
	{parser.CodeSyntax, diag.Error, "The text does not follow the CZQL grammar."},
	{parser.CodeUnsupported, diag.Error, "The statement uses SQL that CZQL does not have (BETWEEN, HAVING, JOIN, DISTINCT, a field compared with a field) or a clause a sub-query may not have."},
	{parser.CodeNestingTooDeep, diag.Error, "The statement nests parentheses, sub-queries and NOT too deeply to be parsed."},
	{parser.CodeEmpty, diag.Warning, "The input holds no statement."},
	{lexer.CodeInvalidChar, diag.Error, "A character that starts no CZQL token."},
	{lexer.CodeInvalidUTF8, diag.Error, "Bytes that are not valid UTF-8."},
	{lexer.CodeInvalidNumber, diag.Error, "A malformed number such as 1., .5 or 12abc."},
	{lexer.CodeInvalidDate, diag.Error, "A date not written YYYY-MM-DD."},
	{lexer.CodeUnterminatedString, diag.Error, "A string without its closing quote on the line."},
	{lexer.CodeUnterminatedComment, diag.Error, "A /* comment without its closing */."},
	{lexer.CodeStringEscape, diag.Info, "A string with an escape sequence, which the server may read differently."},
	{lexer.CodeTooManyErrors, diag.Error, "The input has so many errors that the rest are not reported."},
	{CodeBadParam, diag.Error, "A bind parameter given a Go value of a type CZQL has no literal for."},
	{CodeUnusedParam, diag.Warning, "A bind parameter given a value (czql translate or run -p NAME=VALUE) that no statement uses, often a misspelt name."},
}

// Rules returns every diagnostic code: those of validation, then those of
// the syntax, each once.
func Rules() []Rule {
	var rules []Rule
	seen := map[string]bool{}
	for _, r := range validate.DefaultRules() {
		if !seen[r.Name] {
			seen[r.Name] = true
			rules = append(rules, Rule{Code: r.Name, Severity: r.Severity, Doc: strings.Join(strings.Fields(r.Doc), " ")})
		}
	}
	for _, r := range syntaxRules {
		if !seen[r.Code] {
			seen[r.Code] = true
			rules = append(rules, r)
		}
	}
	return rules
}
