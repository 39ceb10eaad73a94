package parser

import (
	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/lexer"
)

// The concrete syntax tree: participle's struct-tag grammar, the grammar of
// record. Its types are private and named after the productions, whose
// names participle prints in the EBNF (see Grammar). The grammar states
// the language exactly: near misses are explained from the token stream
// (explain.go), and the limits of sub-queries are checked while lowering
// into package ast (lower*.go). The fast path (fast*.go) builds the same
// trees by hand.
//
// Leaf tokens are captured as plexer.Token values (not strings), so every
// node knows its exact source range without participle's EndPos, and no
// string is built while parsing. The tags use the `parser:"…"` form, with
// single-quoted literals, so that go vet accepts them.

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
		participle.Lexer(lexer.Definition),
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
