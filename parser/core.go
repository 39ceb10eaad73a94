package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// queryKind says where a query stands, which decides the clauses it may
// have and how messages name its end.
type queryKind int

const (
	topQuery    queryKind = iota // a statement
	relSubquery                  // a relation sub-select in a SELECT list
	inSubquery                   // an IN sub-query
	condOnly                     // no query: a bare condition (ParseCondition)
)

// parser parses the statements of one source, one at a time. Each
// production parses at the cursor i and reports what it expected, in its
// own words, where it fails; then it recovers by skipping to a token that
// can follow it (a clause keyword, ',', ')', AND or OR), so that every
// independent mistake gets its own diagnostic.
type parser struct {
	sc    *lexer.Scanner
	lines *diag.LineTable // made on the first position asked for

	// The statement being parsed: its tokens, which end with an EOF token
	// at its ';' or at the end of the source, and the cursor.
	toks []lexer.Token
	semi bool
	i    int
	br   brackets

	// Where the cursor is, for messages.
	clause lexer.Clause
	kind   queryKind

	diags     diag.List // the statement's syntax diagnostics
	restricts diag.List // the statement's restrictions (see restrict)
	failed    bool      // a production failed: the statement is not grammatical
	lastFail  int       // token index of the last reported failure, or -1
	fails     int       // failures reported in the statement
	reported  int       // diagnostics reported in the source (see MaxDiagnostics)
	// failedAtEnd: a production failed at the end of the statement, or at
	// an unclosed '(': more text could complete it.
	failedAtEnd bool
	unclosed    bool // the unclosed '(' was reported

	lexErr           int  // offset of the statement's first lexical error, or -1
	bracketsReported bool // the unmatched ')' of the statement was reported
	lastAggregate    int  // index of the ')' that closed the last aggregate, or -1

	// steps counts the tokens read and every token a scan or a skip looks
	// at: the parser's work, which the limits tests hold linear.
	steps int

	comp *completion // non-nil when completing at a cursor

	// The most numerous nodes come from slabs.
	idents   slab[ast.Ident]
	fields   slab[ast.FieldRef]
	segs     slab[*ast.Ident]
	compares slab[ast.CompareExpr]
	binaries slab[ast.BinaryExpr]
	strs     slab[ast.StringLit]
	nums     slab[ast.NumberLit]
}

// peek returns the token at the cursor.
func (p *parser) peek() lexer.Token { return p.toks[p.i] }

// peekAt returns the token n places after the cursor, or the final EOF.
func (p *parser) peekAt(n int) lexer.Token { return p.tok(p.i + n) }

// tok returns token i, or the final EOF past the end.
func (p *parser) tok(i int) lexer.Token {
	if i < len(p.toks) {
		return p.toks[i]
	}
	return p.toks[len(p.toks)-1]
}

// next consumes and returns the token at the cursor. It never moves past
// the final EOF.
func (p *parser) next() lexer.Token {
	p.steps++
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

// atEOF reports whether the statement's tokens are all read.
func (p *parser) atEOF() bool { return p.peek().Kind == lexer.EOF }

// rng returns the range of a token. Only a block comment spans lines, so
// the end of any other token is found from its start.
func (p *parser) rng(t lexer.Token) diag.Range {
	if p.lines == nil {
		p.lines = p.sc.Lines()
	}
	if t.Kind == lexer.Comment {
		return p.lines.Range(t.Start, t.End())
	}
	start := p.lines.Pos(t.Start)
	end := start
	end.Offset += len(t.Value)
	end.Col += len(t.Value)
	return diag.Range{Start: start, End: end}
}

// rngAt returns the range of token i.
func (p *parser) rngAt(i int) diag.Range { return p.rng(p.tok(i)) }

// span returns the range from token i to token j, inclusive.
func (p *parser) span(i, j int) diag.Range { return p.rngAt(i).Cover(p.rngAt(j)) }

// isWordAt reports whether token i is the keyword w of kind k.
func (p *parser) isWordAt(i int, k lexer.Kind, w string) bool {
	t := p.tok(i)
	return t.Kind == k && t.IsWord(w)
}

// fail reports a syntax problem at token i: the statement does not follow
// the grammar. A second problem at the same token is not reported: it is
// the same mistake seen from another production.
func (p *parser) fail(i int, d diag.Diagnostic) {
	p.failed = true
	p.failedAtEnd = p.failedAtEnd || p.tok(i).Kind == lexer.EOF || i == p.br.unclosed
	if i == p.lastFail || p.comp != nil || p.unclosed && p.tok(i).Kind == lexer.EOF {
		return // the same mistake again, or the end of a statement cut short by an unclosed '('
	}
	if i == p.br.unclosed && p.br.unmatched < 0 && !p.unclosed {
		p.unclosed = true // the bracket explains what does not fit there
		d = p.syntaxAt(i, "unclosed '('")
		if p.clause != lexer.NoClause {
			d.Message += " in " + p.clause.String() + " clause"
		}
	}
	p.lastFail = i
	p.fails++
	p.report(d)
}

// MaxDiagnostics is the number of syntax diagnostics the parser reports
// for one source. Past it, one [CodeTooManyErrors] diagnostic is added and
// the rest is parsed without reporting, so that garbage costs memory in
// proportion to its size and no more.
const MaxDiagnostics = 100

// report adds d to the statement's diagnostics, within the budget.
func (p *parser) report(d diag.Diagnostic) {
	if p.budget() {
		p.diags = append(p.diags, d)
	}
}

// budget counts one more diagnostic and reports whether it may be added;
// the first one past the budget becomes the too-many-errors diagnostic.
func (p *parser) budget() bool {
	p.reported++
	if p.reported == MaxDiagnostics+1 {
		p.diags = append(p.diags, diag.Errorf(CodeTooManyErrors, p.emptyAt(p.i),
			"too many syntax errors; the rest of the input is not checked"))
	}
	return p.reported <= MaxDiagnostics
}

// failf reports a CodeSyntax problem with range r at token i.
func (p *parser) failf(i int, r diag.Range, msg string) {
	p.fail(i, diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: r, Message: msg})
}

// unsupported reports SQL that CZQL lacks at token i.
func (p *parser) unsupported(i int, r diag.Range, msg, detail string) {
	d := diag.Errorf(CodeUnsupported, r, "%s", msg)
	d.Detail = detail
	p.fail(i, d)
}

// restrict reports a construct the grammar accepts but CZQL does not allow
// where it stands, such as LIMIT in a sub-query. It is no syntax error.
func (p *parser) restrict(r diag.Range, msg string) {
	if p.comp == nil && p.budget() {
		p.restricts = append(p.restricts, diag.Errorf(CodeUnsupported, r, "%s", msg))
	}
}

// ident makes a name node of a token: the name without its `@`, the
// range with it.
func (p *parser) ident(t lexer.Token) *ast.Ident {
	id := p.idents.new()
	id.Name, id.Rng = t.Name(), p.rng(t)
	return id
}

// join returns the range from the start of a to the end of b, where b
// follows a; an invalid one (a part that is missing) is ignored. It is
// diag.Range.Cover for ranges known to be in order, on the hot path.
func join(a, b diag.Range) diag.Range {
	switch {
	case !b.IsValid():
		return a
	case !a.IsValid():
		return b
	}
	return diag.Range{Start: a.Start, End: b.End}
}
