package parser

import (
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// mode is what a token list is parsed as.
type mode int

const (
	modeQuery     mode = iota // a statement
	modeCondition             // a bare condition
)

// explainer turns participle's error for a statement into a diagnostic
// that names the clause, what was expected and what was found.
//
// The error is placed on the token where the fast path gave up: the first
// token that no valid statement could have there. (Participle itself may
// report an earlier token: when an alternative fails, it reports the
// failure of the alternatives tried after it.) The explainer then reads
// what the token before the fault asked for (a field after ',', a value
// after '=') and reports either that this is missing, pointing at the
// token that asked, or that the token found does not fit.
type explainer struct {
	toks []plexer.Token
	semi bool
	mode mode
}

func newExplainer(st statement, m mode) *explainer {
	return &explainer{toks: st.toks, semi: st.semi, mode: m}
}

// explain returns the diagnostic for participle's error err on a
// statement the fast path rejected at token fault, or at participle's
// position if fault is -1.
func (x *explainer) explain(err participle.Error, fault int) *diag.Diagnostic {
	if fault < 0 {
		fault = x.index(err.Position().Offset)
	}
	return x.at(fault)
}

// index returns the index of the first token at or after offset off.
func (x *explainer) index(off int) int {
	i := sort.Search(len(x.toks), func(i int) bool { return x.toks[i].Pos.Offset >= off })
	return min(i, len(x.toks)-1)
}

// at explains a fault at token e.
func (x *explainer) at(e int) *diag.Diagnostic {
	if e == 0 {
		return x.atStart()
	}
	if d := x.misplaced(e); d != nil {
		return d
	}
	if d := x.keywordAsName(e); d != nil {
		return d
	}
	if n, ok := x.demand(e - 1); ok {
		return x.missing(e, n)
	}
	return x.suggestKeyword(x.unexpected(e), e)
}

// suggestKeyword adds a did-you-mean to d when the unexpected token e is a
// name close to a keyword, as in `SELECT Name FRM Task`.
func (x *explainer) suggestKeyword(d *diag.Diagnostic, e int) *diag.Diagnostic {
	t := x.toks[e]
	if t.Type != lexer.Ident {
		return d
	}
	if kw := diag.Suggest(t.Value, lexer.Keywords()); len(kw) > 0 {
		d.Suggestions = append(d.Suggestions, diag.Suggestion{
			Message: diag.DidYouMean(t.Value, kw[:1]),
			Edits:   []diag.Edit{{Range: lexer.Range(t), NewText: kw[0]}},
		})
	}
	return d
}

// atStart explains a statement or condition whose first token is wrong.
func (x *explainer) atStart() *diag.Diagnostic {
	t := x.toks[0]
	if x.mode == modeCondition {
		return syntaxAt(lexer.Range(t), "expected a field at the start of the condition, found "+x.found(0))
	}
	d := syntaxAt(lexer.Range(t), "expected SELECT at the start of the query, found "+x.found(0))
	d.Detail = "CZQL only reads data: every statement is a SELECT query."
	return d
}

// found describes token i for a "found …" message.
func (x *explainer) found(i int) string { return describe(x.toks[i], x.semi) }

// prefix returns "in X clause: " for the clause around token e, or "".
func (x *explainer) prefix(e int) string {
	if c := clauseOf(x.toks, e); c.name != "" {
		return "in " + c.name + " clause: "
	}
	return ""
}

// need is what a token asks to be followed by.
type need struct {
	what   string // as in "missing <what> after <anchor>"
	expect string // as in "expected <expect> after <anchor>"
	always bool   // say "expected … found …" even when the follower ends a clause
	name   bool   // a name is asked for, or a condition, which starts with one
}

// demand returns what token i asks for, if it is a token that must be
// followed by something in the place where it stands.
func (x *explainer) demand(i int) (need, bool) {
	t := x.toks[i]
	switch t.Type {
	case lexer.Reserved:
		if i > 0 && isPunct(x.toks[i-1], ".") {
			return need{}, false // a name
		}
		return x.demandReserved(i)
	case lexer.Punct:
		return x.demandPunct(i)
	case lexer.Operator:
		return need{what: "value", expect: "a value"}, x.inCondition(i)
	case lexer.Keyword:
		return x.demandKeyword(i)
	}
	return need{}, false
}

// demandReserved handles SELECT, FROM, WHERE, AND, OR and NOT.
func (x *explainer) demandReserved(i int) (need, bool) {
	t := x.toks[i]
	switch {
	case isWord(t, "SELECT"):
		return need{what: "field list", expect: "a field", name: true}, x.mode == modeQuery
	case isWord(t, "FROM"):
		c := clauseOf(x.toks, i)
		if c.sel >= 0 && subquery(x.toks, c.sel) == parenSelect {
			return need{what: "relation name", expect: "a relation name", name: true}, true
		}
		return need{what: "entity name", expect: "an entity name", name: true}, true
	case isWord(t, "WHERE"):
		return need{what: "condition", expect: "a condition", name: true}, true
	case isWord(t, "NOT"):
		switch {
		case !x.inCondition(i):
			return need{}, false
		case logicalNot(x.toks, i):
			return need{what: "condition", expect: "a condition", name: true}, true
		case isWord(x.toks[i-1], "IS"):
			return need{what: "NULL", expect: "NULL", always: true}, true
		}
		return need{what: "IN or LIKE", expect: "IN or LIKE", always: true}, true
	}
	return need{what: "condition", expect: "a condition", name: true}, x.inCondition(i) // AND, OR
}

// demandPunct handles ',', '.' and '('.
func (x *explainer) demandPunct(i int) (need, bool) {
	t := x.toks[i]
	switch t.Value {
	case ".":
		return need{what: "name", expect: "a name", name: true}, i > 0 && isNameToken(x.toks[i-1])
	case "(":
		switch parenKindOf(x.toks, i) {
		case parenList:
			return need{what: "value list", expect: "a value or a sub-query"}, true
		case parenAggregate:
			return need{what: "field", expect: "a field", name: true}, true
		case parenSelect:
			return need{what: "sub-select", expect: "SELECT"}, true
		}
		return need{what: "condition", expect: "a condition", name: true}, true
	case ",":
		return x.demandComma(i)
	}
	return need{}, false
}

// demandComma handles a ',' in a list.
func (x *explainer) demandComma(i int) (need, bool) {
	c := clauseOf(x.toks, i)
	if c.inner() {
		if parenKindOf(x.toks, c.open) == parenList {
			return need{what: "value", expect: "a value"}, true
		}
		return need{}, false
	}
	switch c.name {
	case "SELECT", "GROUP BY", "ORDER BY":
		return need{what: "field", expect: "a field", name: true}, true
	}
	return need{}, false
}

// demandKeyword handles the soft keywords that ask for something when
// they are used as keywords.
func (x *explainer) demandKeyword(i int) (need, bool) {
	t := x.toks[i]
	if isWord(t, "BY") && i > 0 && isAnyWord(x.toks[i-1], "GROUP", "ORDER") {
		return need{what: "field", expect: "a field", name: true}, true
	}
	if !actsAsKeyword(x.toks, i) {
		return need{}, false
	}
	switch {
	case isAnyWord(t, "GROUP", "ORDER"):
		return need{what: "BY", expect: "BY", always: true}, true
	case isAnyWord(t, "LIMIT", "OFFSET"):
		return need{what: "value", expect: "a number or a parameter"}, true
	case isWord(t, "AS"):
		return need{what: "alias", expect: "an alias name", name: true}, true
	case isWord(t, "LIKE"):
		return need{what: "pattern", expect: "a pattern"}, x.inCondition(i)
	case isWord(t, "IS"):
		return need{what: "NULL", expect: "NULL or NOT NULL", always: true}, x.inCondition(i)
	case isWord(t, "IN"):
		return need{what: "value list", expect: "'('", always: true}, x.inCondition(i)
	}
	return need{}, false
}

// inCondition reports whether token i stands in a condition.
func (x *explainer) inCondition(i int) bool {
	c := clauseOf(x.toks, i)
	return c.name == "WHERE" || c.name == "" && x.mode == modeCondition
}

// anchor shows token i as the thing something is missing after.
func (x *explainer) anchor(i int) string {
	t := x.toks[i]
	if isWord(t, "BY") && i > 0 {
		return upper(x.toks[i-1]) + " BY"
	}
	return display(t)
}

// missing reports that token e does not give what the token before asks.
func (x *explainer) missing(e int, n need) *diag.Diagnostic {
	p, cur := x.toks[e-1], x.toks[e]
	switch {
	case isPunct(p, "(") && isPunct(cur, ")") && parenKindOf(x.toks, e-1) == parenList:
		return syntaxAt(lexer.Range(p).Cover(lexer.Range(cur)), "empty IN list")
	case isPunct(p, "(") && isPunct(cur, ")") && parenKindOf(x.toks, e-1) == parenAggregate:
		return syntaxAt(lexer.Range(x.toks[e-2]).Cover(lexer.Range(cur)), "missing field in "+upper(x.toks[e-2])+"()")
	case !n.always && x.stopper(e):
		r := lexer.Range(p)
		if isWord(p, "BY") {
			r = lexer.Range(x.toks[e-2]).Cover(r)
		}
		return x.reservedHint(syntaxAt(r, "missing "+n.what+" after "+x.anchor(e-1)), e, n)
	}
	pre := x.prefix(e)
	if clauseName(x.toks, e-1) != "" || isWord(p, "BY") {
		pre = "" // the anchor names the clause
	}
	d := syntaxAt(lexer.Range(cur), pre+"expected "+n.expect+" after "+x.anchor(e-1)+", found "+x.found(e))
	return x.reservedHint(d, e, n)
}

// reservedHint adds to d, when token e is a reserved word that stands
// where a name is asked for, how to use the word as a name.
func (x *explainer) reservedHint(d *diag.Diagnostic, e int, n need) *diag.Diagnostic {
	t := x.toks[e]
	if t.Type != lexer.Reserved || !n.name || n.what == "condition" && next(x.toks, e).Type != lexer.Operator {
		return d
	}
	name := strings.ToUpper(t.Value[:1]) + strings.ToLower(t.Value[1:])
	d.Detail = upper(t) + " is a reserved word; write @" + name + " to use it as a name."
	return d
}

// stopper reports whether token e ends the part being parsed: the end of
// the statement, a closing parenthesis, a comma, or a word that starts a
// clause or joins conditions.
func (x *explainer) stopper(e int) bool {
	t := x.toks[e]
	switch {
	case t.Type == lexer.EOF, isPunct(t, ")"), isPunct(t, ","):
		return true
	case t.Type == lexer.Reserved:
		return !isWord(t, "NOT")
	}
	return clauseName(x.toks, e) != ""
}

// keywordAsName explains a clause keyword that participle took for a name
// because a name was expected before it, as in `ORDER BY a, LIMIT 5` or
// `SELECT a. FROM T`: the name is missing before the keyword.
func (x *explainer) keywordAsName(e int) *diag.Diagnostic {
	if e < 2 || !expectsName(x.toks, e-2) || !x.startsClause(e-1) {
		return nil
	}
	if n, ok := x.demand(e - 2); ok {
		return syntaxAt(lexer.Range(x.toks[e-2]), "missing "+n.what+" after "+x.anchor(e-2))
	}
	return nil
}

// startsClause reports whether the word at i, read as a keyword, starts a
// clause that the token after it fits.
func (x *explainer) startsClause(i int) bool {
	w, cur := x.toks[i], x.toks[i+1]
	switch {
	case isAnyWord(w, "GROUP", "ORDER"):
		return isWord(cur, "BY")
	case isAnyWord(w, "LIMIT", "OFFSET"):
		return cur.Type == lexer.Number || cur.Type == lexer.Param
	case isWord(w, "FROM"):
		return isNameToken(cur)
	case isWord(w, "WHERE"):
		return isNameToken(cur) || isWord(cur, "NOT") || isPunct(cur, "(")
	}
	return false
}

// unexpected reports token e after a part that is complete.
func (x *explainer) unexpected(e int) *diag.Diagnostic {
	c := clauseOf(x.toks, e)
	pre, found := x.prefix(e), x.found(e)
	r := lexer.Range(x.toks[e])
	if c.inner() {
		switch parenKindOf(x.toks, c.open) {
		case parenList:
			return syntaxAt(r, pre+"expected ',' or ')' in the IN list, found "+found)
		case parenAggregate:
			return syntaxAt(r, pre+"expected ')' after the field, found "+found)
		}
	}
	switch {
	case c.name == "SELECT":
		d := syntaxAt(r, pre+"expected ',' or FROM, found "+found)
		if isNameToken(x.toks[e]) && isPunct(x.toks[e-1], ")") && x.closesAggregate(e-1) {
			d.Detail = "Write AS before an alias, as in COUNT(Id) AS Total."
		}
		return d
	case c.name == "WHERE" || c.name == "" && x.mode == modeCondition:
		if start, ok := predicateField(x.toks, e-1, x.mode == modeCondition); ok {
			return syntaxAt(r, pre+"expected an operator, IN, LIKE or IS after field "+
				quote(pathText(x.toks, start, e-1))+", found "+found)
		}
		if c.inner() {
			return syntaxAt(r, pre+"expected AND, OR or ')', found "+found)
		}
		return syntaxAt(r, pre+"expected AND or OR, found "+found)
	case c.sel >= 0 && subquery(x.toks, c.sel) != parenGroup:
		return syntaxAt(r, pre+"unexpected "+found+" after the end of the sub-query")
	}
	return syntaxAt(r, pre+"unexpected "+found+" after the end of the query")
}

// quote double-quotes s, shortened, for a message.
func quote(s string) string { return `"` + shorten(s) + `"` }
