package parser

import (
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// need is what a token asks to be followed by, as a production says it
// when the follower is not there.
type need struct {
	what   string // as in "missing <what> after <anchor>"
	expect string // as in "expected <expect> after <anchor>, found …"
	always bool   // say "expected … found …" even when the follower ends a part
	name   bool   // a name is asked for, or a condition, which starts with one
}

// missing reports that the token at the cursor is not what token anchor
// asks for. When the cursor's token ends the part being parsed (a
// stopper), the thing is missing and the anchor is blamed; otherwise the
// token found is.
func (p *parser) missing(anchor int, n need) {
	e := p.i
	if !n.always && p.stopperAt(e) {
		r := p.rngAt(anchor)
		if p.isWordAt(anchor, lexer.Keyword, "BY") {
			r = p.span(anchor-1, anchor)
		}
		d := diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: r,
			Message: "missing " + n.what + " after " + p.anchorText(anchor)}
		p.fail(e, p.reservedHint(d, e, n))
		return
	}
	pre := p.prefix()
	if p.namesClause(anchor) {
		pre = "" // the anchor names the clause
	}
	d := diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: p.rngAt(e),
		Message: pre + "expected " + n.expect + " after " + p.anchorText(anchor) + ", found " + p.found(e)}
	p.fail(e, p.reservedHint(d, e, n))
}

// reservedHint adds to d, when token e is a reserved word that stands
// where a name is asked for, how to use the word as a name.
func (p *parser) reservedHint(d diag.Diagnostic, e int, n need) diag.Diagnostic {
	t := p.tok(e)
	if t.Kind != lexer.Reserved || !n.name || n.what == "condition" && p.tok(e+1).Kind != lexer.Operator {
		return d
	}
	name := strings.ToUpper(t.Value[:1]) + strings.ToLower(t.Value[1:])
	d.Detail = upper(t) + " is a reserved word; write @" + name + " to use it as a name."
	return d
}

// found describes token i for a "found …" message.
func (p *parser) found(i int) string { return describe(p.tok(i), p.semi) }

// prefix returns "in X clause: " for the clause being parsed, or "".
func (p *parser) prefix() string {
	if p.clause == lexer.NoClause {
		return ""
	}
	return "in " + p.clause.String() + " clause: "
}

// anchorText shows token i as the thing something is missing after.
func (p *parser) anchorText(i int) string {
	if p.isWordAt(i, lexer.Keyword, "BY") && i > 0 {
		return upper(p.tok(i-1)) + " BY"
	}
	return display(p.tok(i))
}

// namesClause reports whether token i is a clause keyword or BY, so that
// a message about what follows it needs no "in X clause".
func (p *parser) namesClause(i int) bool {
	t := p.tok(i)
	switch {
	case t.Kind == lexer.Reserved:
		return t.IsWord("SELECT") || t.IsWord("FROM") || t.IsWord("WHERE")
	case t.Kind != lexer.Keyword:
		return false
	}
	return t.IsWord("BY") || lexer.ClauseStartedBy(t.Value) != lexer.NoClause
}

// stopperAt reports whether token i ends the part being parsed: the end
// of the statement, ')' or ',', a reserved word other than NOT, or a word
// that starts a clause.
func (p *parser) stopperAt(i int) bool {
	t := p.tok(i)
	switch {
	case t.Kind == lexer.EOF, t.IsPunct(")"), t.IsPunct(","):
		return true
	case t.Kind == lexer.Reserved:
		return !t.IsWord("NOT")
	}
	return p.startsClauseAt(i) != lexer.NoClause
}

// startsClauseAt returns the clause that token i starts where a name could
// stand too: a soft keyword starts a clause only when the token after it
// fits that clause (GROUP BY, LIMIT 10), so that `ORDER BY a, LIMIT 5`
// misses a field rather than sorting by a field called LIMIT.
func (p *parser) startsClauseAt(i int) lexer.Clause {
	t, n := p.tok(i), p.tok(i+1)
	switch {
	case t.Kind == lexer.Reserved:
		if i > 0 && p.tok(i-1).IsPunct(".") {
			return lexer.NoClause
		}
		switch {
		case t.IsWord("SELECT"):
			return lexer.Select
		case t.IsWord("FROM") && (n.IsName() || n.Kind == lexer.EOF):
			return lexer.From
		case t.IsWord("WHERE"):
			return lexer.Where
		}
	case t.Kind != lexer.Keyword:
	case t.IsWord("GROUP") && n.IsWord("BY"):
		return lexer.GroupBy
	case t.IsWord("ORDER") && n.IsWord("BY"):
		return lexer.OrderBy
	case (t.IsWord("LIMIT") || t.IsWord("OFFSET")) && (n.Kind == lexer.Number || n.Kind == lexer.Param):
		return lexer.ClauseStartedBy(t.Value)
	}
	return lexer.NoClause
}

// clauseAt returns the clause that token i starts where no name is
// expected: after a complete clause every clause word is a keyword.
func (p *parser) clauseAt(i int) lexer.Clause {
	t := p.tok(i)
	switch t.Kind {
	case lexer.Reserved:
		if t.IsWord("AND") || t.IsWord("OR") || t.IsWord("NOT") {
			return lexer.NoClause
		}
		return lexer.ClauseStartedBy(t.Value)
	case lexer.Keyword:
		if t.IsWord("BY") {
			return lexer.NoClause
		}
		return lexer.ClauseStartedBy(t.Value)
	}
	return lexer.NoClause
}

// nameAt reports whether token i reads as a name where one is expected: an
// identifier, an @-name or a soft keyword that does not start a clause.
func (p *parser) nameAt(i int) bool {
	return p.tok(i).IsName() && p.startsClauseAt(i) == lexer.NoClause
}

// reservedNameAt reports whether token i is a reserved word written where
// a name belongs, as `SELECT Name, From FROM Task`: the word does not do
// its job as a keyword, because what follows it cannot follow the
// keyword. The caller reports it and reads it as the name.
func (p *parser) reservedNameAt(i int, follow func(lexer.Token) bool) bool {
	t := p.tok(i)
	if t.Kind != lexer.Reserved || t.IsWord("NOT") || p.startsClauseAt(i) != lexer.NoClause && !follow(p.tok(i+1)) {
		return false
	}
	return follow(p.tok(i + 1))
}

// suggestKeyword adds a did-you-mean to d when token i is a name close to
// a keyword, as in `SELECT Name FRM Task`.
func (p *parser) suggestKeyword(d diag.Diagnostic, i int) diag.Diagnostic {
	t := p.tok(i)
	if t.Kind != lexer.Ident {
		return d
	}
	if kw := diag.Suggest(t.Value, lexer.Keywords()); len(kw) > 0 {
		d.Suggestions = append(d.Suggestions, diag.Suggestion{
			Message: diag.DidYouMean(t.Value, kw[:1]),
			Edits:   []diag.Edit{{Range: p.rngAt(i), NewText: kw[0]}},
		})
	}
	return d
}
