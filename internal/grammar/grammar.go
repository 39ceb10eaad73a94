package grammar

import (
	"fmt"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// The concrete syntax tree: participle's struct-tag grammar, the grammar of
// record. Its types are private and named after the productions, whose
// names participle prints in the EBNF (see EBNF): renaming a type renames
// a production of /grammar.ebnf.
//
// Leaf tokens are captured as plexer.Token values (not strings), so every
// node knows its exact source range. The tags use the `parser:"…"` form,
// with single-quoted literals, so that go vet accepts them.

// query is one SELECT statement, or a sub-query inside parentheses.
type query struct {
	Select  plexer.Token  `parser:"@'SELECT':Reserved"`
	Items   []*selectItem `parser:"@@ ( ',':Punct @@ )*"`
	From    *from         `parser:"@@"`
	Where   *where        `parser:"@@?"`
	GroupBy *groupBy      `parser:"@@?"`
	OrderBy *orderBy      `parser:"@@?"`
	Limit   *limit        `parser:"@@?"`
	Offset  *offset       `parser:"@@?"`
}

// selectItem is one item of a SELECT list.
type selectItem struct {
	Aggregate *aggregate     `parser:"  @@"`
	Relation  *relationQuery `parser:"| @@"`
	Field     *fieldRef      `parser:"| @@"`
}

// aggregate is `FUNC(field) [AS alias]`.
type aggregate struct {
	Func   plexer.Token  `parser:"@( 'COUNT':Keyword | 'SUM':Keyword | 'AVG':Keyword | 'MIN':Keyword | 'MAX':Keyword )"`
	Arg    *fieldRef     `parser:"'(':Punct @@"`
	Rparen plexer.Token  `parser:"@')':Punct"`
	Alias  *plexer.Token `parser:"( 'AS':Keyword @( Ident | AtIdent | Keyword ) )?"`
}

// relationQuery is a relation sub-select `(SELECT … FROM Relation …)`.
type relationQuery struct {
	Lparen plexer.Token `parser:"@'(':Punct"`
	Query  *query       `parser:"@@"`
	Rparen plexer.Token `parser:"@')':Punct"`
}

// fieldRef is a field or a dot path. Its first name may be a soft keyword;
// after a dot any word is a name, even a reserved one. Path holds every
// token of the path, dots included.
type fieldRef struct {
	Path []plexer.Token `parser:"@( ( Ident | AtIdent | Keyword ) ( '.':Punct ( Ident | AtIdent | Keyword | Reserved ) )* )"`
}

// from is `FROM Entity`.
type from struct {
	Keyword plexer.Token `parser:"@'FROM':Reserved"`
	Entity  plexer.Token `parser:"@( Ident | AtIdent | Keyword )"`
}

// where is `WHERE condition`.
type where struct {
	Keyword plexer.Token `parser:"@'WHERE':Reserved"`
	Cond    *condition   `parser:"@@"`
}

// condition is an OR of ANDs: AND binds tighter than OR.
type condition struct {
	Terms []*andCondition `parser:"@@ ( 'OR':Reserved @@ )*"`
}

// andCondition is an AND of unary conditions.
type andCondition struct {
	Factors []*unaryCondition `parser:"@@ ( 'AND':Reserved @@ )*"`
}

// unaryCondition is `NOT x`, a parenthesised condition or a predicate: NOT
// binds tighter than AND.
type unaryCondition struct {
	Not       *plexer.Token   `parser:"  @'NOT':Reserved"`
	Negated   *unaryCondition `parser:"  @@"`
	Lparen    *plexer.Token   `parser:"| @'(':Punct"`
	Group     *condition      `parser:"  @@"`
	Rparen    plexer.Token    `parser:"  @')':Punct"`
	Predicate *predicate      `parser:"| @@"`
}

// predicate compares a field with a value.
type predicate struct {
	Field   *fieldRef     `parser:"@@"`
	Compare *comparison   `parser:"( @@"`
	Not     *plexer.Token `parser:"| @'NOT':Reserved?"`
	In      *in           `parser:"  ( @@"`
	Like    *like         `parser:"  | @@ )"`
	IsNull  *isNull       `parser:"| @@ )"`
}

// comparison is `op value`.
type comparison struct {
	Op    plexer.Token `parser:"@Operator"`
	Value *literal     `parser:"@@"`
}

// in is `IN (value, …)` or `IN (SELECT …)`.
type in struct {
	In     plexer.Token `parser:"@'IN':Keyword"`
	Lparen plexer.Token `parser:"@'(':Punct"`
	Query  *query       `parser:"( @@"`
	Values []*literal   `parser:"| @@ ( ',':Punct @@ )* )"`
	Rparen plexer.Token `parser:"@')':Punct"`
}

// like is `LIKE pattern`.
type like struct {
	Like    plexer.Token `parser:"@'LIKE':Keyword"`
	Pattern *literal     `parser:"@@"`
}

// isNull is `IS [NOT] NULL`.
type isNull struct {
	Is   plexer.Token  `parser:"@'IS':Keyword"`
	Not  *plexer.Token `parser:"@'NOT':Reserved?"`
	Null plexer.Token  `parser:"@'NULL':Keyword"`
}

// literal is a constant or a bind parameter.
type literal struct {
	Token plexer.Token `parser:"@( String | Number | Date | Param | 'TRUE':Keyword | 'FALSE':Keyword | 'NULL':Keyword )"`
}

// groupBy is `GROUP BY field, …`.
type groupBy struct {
	Group  plexer.Token `parser:"@'GROUP':Keyword"`
	By     plexer.Token `parser:"@'BY':Keyword"`
	Fields []*fieldRef  `parser:"@@ ( ',':Punct @@ )*"`
}

// orderBy is `ORDER BY item, …`.
type orderBy struct {
	Order plexer.Token `parser:"@'ORDER':Keyword"`
	By    plexer.Token `parser:"@'BY':Keyword"`
	Items []*orderItem `parser:"@@ ( ',':Punct @@ )*"`
}

// orderItem is `field [ASC|DESC]`.
type orderItem struct {
	Field *fieldRef     `parser:"@@"`
	Dir   *plexer.Token `parser:"@( 'ASC':Keyword | 'DESC':Keyword )?"`
}

// limit is `LIMIT value`.
type limit struct {
	Keyword plexer.Token `parser:"@'LIMIT':Keyword"`
	Value   plexer.Token `parser:"@( Number | Param )"`
}

// offset is `OFFSET value`.
type offset struct {
	Keyword plexer.Token `parser:"@'OFFSET':Keyword"`
	Value   plexer.Token `parser:"@( Number | Param )"`
}

// queryParser parses a statement; conditionParser a bare condition. Both
// are built once: a built participle parser is safe for concurrent use.
var (
	queryParser = participle.MustBuild[query](
		participle.Lexer(definition{}),
		participle.CaseInsensitive("Reserved", "Keyword"),
	)
	conditionParser = mustProduction[condition](queryParser)
)

func mustProduction[P any](p *participle.Parser[query]) *participle.Parser[P] {
	pp, err := participle.ParserForProduction[P](p)
	if err != nil {
		panic(err)
	}
	return pp
}

// EBNF returns the grammar in EBNF, as participle prints it; /grammar.ebnf
// holds it with a final newline.
func EBNF() string { return queryParser.String() }

// ParseQuery parses src as exactly one statement, possibly followed by one
// ';', and lowers it into package ast. It returns an error for a lexical
// error (an error-severity diagnostic of package lexer), for text that
// does not follow the grammar, such as empty input or a second statement,
// and for a panic inside participle. The restrictions on sub-queries that
// the parser reports as unsupported are not checked: the grammar accepts
// them.
func ParseQuery(src string) (q *ast.Query, err error) {
	defer recoverError(&err)
	res := lexer.Scan(src)
	toks := res.Tokens
	if n := len(toks); n >= 2 && toks[n-2].IsPunct(";") {
		// A final ';' ends the statement: it becomes a space, which keeps
		// every offset, line and column.
		semi := toks[n-2]
		src = src[:semi.Start] + " " + src[semi.End():]
		toks = append(toks[:n-2:n-2], toks[n-1])
	}
	cst, err := queryParser.ParseString("", src)
	if err != nil {
		return nil, err
	}
	return newLowerer(toks, res.Lines).query(cst), nil
}

// ParseCondition parses src as a bare WHERE condition, such as the text of
// a cZQLCondition, and lowers it into package ast. It returns an error for
// a lexical error, for text that does not follow the grammar (empty input
// or a ';' included) and for a panic inside participle.
func ParseCondition(src string) (e ast.Expr, err error) {
	defer recoverError(&err)
	res := lexer.Scan(src)
	cst, err := conditionParser.ParseString("", src)
	if err != nil {
		return nil, err
	}
	e, _ = newLowerer(res.Tokens, res.Lines).condition(cst)
	return e, nil
}

// recoverError turns a panic, which would be a bug in participle or in the
// lowering, into an error.
func recoverError(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error in participle: %v", r)
	}
}
