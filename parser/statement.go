package parser

import (
	"math"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// statement is the token list of one statement.
type statement struct {
	toks   []plexer.Token // the tokens, ending with an EOF token at the ';' or at the end of input
	semi   bool           // the statement ends with ';'
	lexErr int            // offset of its first lexical error, or -1
}

// splitStatements splits tokens at ';' and drops empty statements. The ';'
// token of each statement is replaced in place by an EOF token at its
// position, so no token is copied. lexDiags, sorted, give each statement
// the offset of its first lexical error.
func splitStatements(toks []plexer.Token, lexDiags diag.List) []statement {
	var out []statement
	start, lo, d := 0, 0, 0
	for i := range toks {
		t := &toks[i]
		isSemi := t.Type == lexer.Punct && t.Value == ";"
		if !isSemi && t.Type != lexer.EOF {
			continue
		}
		hi := t.Pos.Offset + len(t.Value)
		if isSemi {
			*t = plexer.Token{Type: lexer.EOF, Pos: t.Pos}
		}
		lexErr := -1
		for ; d < len(lexDiags) && lexDiags[d].Range.Start.Offset < hi; d++ {
			if lexErr < 0 && lexDiags[d].Severity == diag.Error && lexDiags[d].Range.Start.Offset >= lo {
				lexErr = lexDiags[d].Range.Start.Offset
			}
		}
		if i > start {
			out = append(out, statement{toks: toks[start : i+1], semi: isSemi, lexErr: lexErr})
		}
		start, lo = i+1, hi
		if !isSemi {
			break
		}
	}
	return out
}

// firstError returns the start offset of the first error-severity
// diagnostic in ds, or -1.
func firstError(ds diag.List) int {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return d.Range.Start.Offset
		}
	}
	return -1
}

// maxSlowTokens is the size, in tokens, of the largest statement that
// participle parses when the fast path rejects it. Participle needs about
// a microsecond and a kilobyte per token; a larger statement gets its
// error from the fast path alone, and no partial tree.
const maxSlowTokens = 100_000

// parseStatement parses and lowers one statement.
func parseStatement(st statement) (*ast.Query, diag.List) {
	pre, skip := checkBrackets(st.toks)
	if skip {
		return &ast.Query{Rng: tokensRange(st.toks)}, diag.List{*pre}
	}
	cst, fault := fastQuery(st.toks)
	var syn *diag.Diagnostic
	if cst == nil {
		cst, syn = slowPath(queryParser, st, modeQuery, fault)
	}
	lw := newLowerer(st.toks, syn)
	return lw.statement(cst), merge(st, pre, syn, lw.diags)
}

// parseCondition parses and lowers a bare condition.
func parseCondition(st statement) (ast.Expr, diag.List) {
	pre, skip := checkBrackets(st.toks)
	if skip {
		return &ast.BadExpr{Rng: tokensRange(st.toks)}, diag.List{*pre}
	}
	cst, fault := fastCondition(st.toks)
	var syn *diag.Diagnostic
	if cst == nil {
		cst, syn = slowPath(conditionParser, st, modeCondition, fault)
	}
	lw := newLowerer(st.toks, syn)
	e, _ := lw.condition(cst, lw.errRange)
	return e, merge(st, pre, syn, lw.diags)
}

// slowPath handles a statement the fast path rejected at token fault (-1
// if it did not say): participle parses it, for the partial tree and for
// its error, which the explainer rephrases. Should participle accept the
// statement, the fast path was wrong and participle's tree is used.
// Participle is not run when the fault is the first token, since there is
// no partial tree, nor on a statement too large for it.
func slowPath[G any](p *participle.Parser[G], st statement, m mode, fault int) (*G, *diag.Diagnostic) {
	x := newExplainer(st, m)
	if fault == 0 || len(st.toks) > maxSlowTokens {
		return nil, x.at(max(fault, 0))
	}
	cst, err := runParser(p, st.toks)
	if err == nil {
		return cst, nil
	}
	return cst, x.explain(err, fault)
}

// merge combines the diagnostics of a statement, leaving out noise. After
// a lexical error only the lexer speaks; a bracket error explains the
// parser's error, which is then left out; and what the lowering found at
// or after the point where parsing stopped describes the partial tree, not
// the text.
func merge(st statement, pre, syn *diag.Diagnostic, lowered diag.List) diag.List {
	var out diag.List
	cutoff := math.MaxInt
	if st.lexErr >= 0 {
		cutoff = st.lexErr
	}
	for _, d := range []*diag.Diagnostic{pre, syn} {
		if d != nil {
			if st.lexErr < 0 && len(out) == 0 {
				out = append(out, *d)
			}
			cutoff = min(cutoff, d.Range.Start.Offset)
		}
	}
	for _, d := range lowered {
		if d.Range.Start.Offset < cutoff {
			out = append(out, d)
		}
	}
	return out
}

// tokensRange returns the range from the first token to the end of the last
// one before EOF; for no tokens, the empty range at EOF.
func tokensRange(toks []plexer.Token) diag.Range {
	n := len(toks) - 1 // EOF
	if n <= 0 {
		p := lexer.PosOf(toks[0].Pos)
		return diag.Range{Start: p, End: p}
	}
	return lexer.Range(toks[0]).Cover(lexer.Range(toks[n-1]))
}

// lowerComments converts the lexer's comment tokens.
func lowerComments(toks []plexer.Token) []*ast.Comment {
	if len(toks) == 0 {
		return nil
	}
	out := make([]*ast.Comment, len(toks))
	for i, t := range toks {
		out[i] = &ast.Comment{Text: t.Value, Rng: lexer.Range(t)}
	}
	return out
}
