package cli

import (
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// lintRule describes one diagnostic code for reports that list them
// (SARIF's tool.driver.rules).
type lintRule struct {
	id       string
	doc      string // full sentences
	severity diag.Severity
}

// short returns the first sentence of the rule's doc.
func (r lintRule) short() string {
	if i := strings.Index(r.doc, ". "); i >= 0 {
		return r.doc[:i+1]
	}
	return r.doc
}

// syntaxRules are the codes of the lexer's and the parser's diagnostics.
var syntaxRules = []lintRule{
	{parser.CodeSyntax, "The text does not follow the CZQL grammar.", diag.Error},
	{parser.CodeUnsupported, "The statement uses SQL that CZQL does not have (BETWEEN, HAVING, JOIN, DISTINCT, a field compared with a field) or a clause a sub-query may not have.", diag.Error},
	{parser.CodeNestingTooDeep, "The statement nests parentheses, sub-queries and NOT too deeply to be parsed.", diag.Error},
	{parser.CodeEmpty, "The input holds no statement.", diag.Warning},
	{lexer.CodeInvalidChar, "A character that starts no CZQL token.", diag.Error},
	{lexer.CodeInvalidUTF8, "Bytes that are not valid UTF-8.", diag.Error},
	{lexer.CodeInvalidNumber, "A malformed number such as 1., .5 or 12abc.", diag.Error},
	{lexer.CodeInvalidDate, "A date not written YYYY-MM-DD.", diag.Error},
	{lexer.CodeUnterminatedString, "A string without its closing quote on the line.", diag.Error},
	{lexer.CodeUnterminatedComment, "A /* comment without its closing */.", diag.Error},
	{lexer.CodeStringEscape, "A string with an escape sequence, which the server may read differently.", diag.Info},
	{lexer.CodeTooManyErrors, "The input has so many errors that the rest are not reported.", diag.Error},
}

// lintRules returns the rules of validation followed by those of the
// syntax, each code once.
func lintRules() []lintRule {
	var rules []lintRule
	seen := map[string]bool{}
	for _, r := range validate.DefaultRules() {
		if !seen[r.Name] {
			seen[r.Name] = true
			rules = append(rules, lintRule{id: r.Name, doc: strings.Join(strings.Fields(r.Doc), " "), severity: r.Severity})
		}
	}
	for _, r := range syntaxRules {
		if !seen[r.id] {
			seen[r.id] = true
			rules = append(rules, r)
		}
	}
	return rules
}
