package ast

import (
	"strings"

	"github.com/czql/czql/diag"
)

// Node is implemented by every syntax tree node.
type Node interface {
	// Range returns the source span of the node.
	Range() diag.Range
}

// Expr is a condition or an operand in a WHERE clause, a LIMIT or an OFFSET.
type Expr interface {
	Node
	exprNode()
}

// Literal is a constant or a bind parameter: the right-hand side of a
// comparison, an IN list element, a LIKE pattern, a LIMIT or OFFSET value.
type Literal interface {
	Expr
	literalNode()
}

// SelectItem is one item of a SELECT list: a [*FieldRef], an
// [*AggregateExpr] or a [*RelationQuery].
type SelectItem interface {
	Node
	selectItemNode()
}

// File is a parsed .czql file: its statements in source order and every
// comment, which the lexer keeps as trivia.
type File struct {
	Name     string
	Queries  []*Query   // one per non-empty statement, possibly partial
	Comments []*Comment // in source order
}

// Comment is a `-- …` line comment or a `/* … */` block comment.
type Comment struct {
	Text string // as written, including the comment markers
	Rng  diag.Range
}

// Query is one SELECT statement. Clauses the statement lacks are nil. A query
// with syntax errors may be partial: any clause, and Select or From, can be
// nil.
type Query struct {
	Select  *SelectClause
	From    *FromClause
	Where   *WhereClause
	GroupBy *GroupByClause
	OrderBy *OrderByClause
	Limit   *LimitClause
	Offset  *OffsetClause
	Rng     diag.Range // from SELECT to the end of the last clause; excludes ';'
}

// SelectClause is `SELECT item, …`.
type SelectClause struct {
	Keyword diag.Range // the SELECT keyword
	Items   []SelectItem
}

// FromClause is `FROM Entity`; inside a [RelationQuery] the name is the
// relation's.
type FromClause struct {
	Keyword diag.Range // the FROM keyword
	Entity  *Ident
}

// WhereClause is `WHERE condition`.
type WhereClause struct {
	Keyword diag.Range // the WHERE keyword
	Cond    Expr
}

// GroupByClause is `GROUP BY field, …`.
type GroupByClause struct {
	Keyword diag.Range // from GROUP to BY
	Fields  []*FieldRef
}

// OrderByClause is `ORDER BY item, …`.
type OrderByClause struct {
	Keyword diag.Range // from ORDER to BY
	Items   []*OrderItem
}

// LimitClause is `LIMIT value`.
type LimitClause struct {
	Keyword diag.Range // the LIMIT keyword
	Value   Literal    // a *NumberLit or *ParamRef (the validator checks the kind)
}

// OffsetClause is `OFFSET value`.
type OffsetClause struct {
	Keyword diag.Range // the OFFSET keyword
	Value   Literal    // a *NumberLit or *ParamRef
}

// Direction is the sort direction of an [OrderItem] as written.
type Direction int

// The directions. DirDefault means none was written; it sorts ascending.
const (
	DirDefault Direction = iota
	Asc
	Desc
)

// OrderItem is `field [ASC|DESC]`. The field may name an aggregate alias.
type OrderItem struct {
	Field  *FieldRef
	Dir    Direction
	DirRng diag.Range // the ASC or DESC keyword; zero when Dir is DirDefault
}

// Ident is a name: an entity, a relation, a field path segment, an alias or
// a parameter name. Name never includes the `@` escape, but Rng does.
type Ident struct {
	Name string
	Rng  diag.Range
}

// FieldRef is a field or a dot path through reference fields, such as
// `Manager.Name`.
type FieldRef struct {
	Segments []*Ident // at least one
}

// Path returns the dotted path, such as "Manager.Name".
func (f *FieldRef) Path() string {
	if len(f.Segments) == 1 {
		return f.Segments[0].Name
	}
	var b strings.Builder
	for i, s := range f.Segments {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
	}
	return b.String()
}

// AggFunc is an aggregate function name.
type AggFunc string

// The aggregate functions, spelled as in canonical CZQL.
const (
	Count AggFunc = "COUNT"
	Sum   AggFunc = "SUM"
	Avg   AggFunc = "AVG"
	Min   AggFunc = "MIN"
	Max   AggFunc = "MAX"
)

// AggregateExpr is `FUNC(field) [AS alias]` in a SELECT list.
type AggregateExpr struct {
	Func    AggFunc
	FuncRng diag.Range // the function name
	Arg     *FieldRef
	Rparen  diag.Range // the closing parenthesis
	Alias   *Ident     // nil without AS
}

// RelationQuery is a relation sub-select `(SELECT … FROM Relation …)` in a
// SELECT list. Query.From names the relation of the outer entity.
type RelationQuery struct {
	Lparen diag.Range
	Query  *Query
	Rparen diag.Range
}

// LogicOp is AND or OR.
type LogicOp int

// The logical operators.
const (
	And LogicOp = iota + 1
	Or
)

// String returns "AND" or "OR".
func (op LogicOp) String() string {
	if op == Or {
		return "OR"
	}
	return "AND"
}

// BinaryExpr is `X AND Y` or `X OR Y`. Chains are left-nested:
// `a AND b AND c` is ((a AND b) AND c).
type BinaryExpr struct {
	X     Expr
	Op    LogicOp
	OpRng diag.Range
	Y     Expr
}

// NotExpr is `NOT X`.
type NotExpr struct {
	Not diag.Range // the NOT keyword
	X   Expr
}

// ParenExpr is a parenthesised condition `( X )`.
type ParenExpr struct {
	Lparen diag.Range
	X      Expr
	Rparen diag.Range
}

// CompareOp is a comparison operator.
type CompareOp int

// The comparison operators. `!=` is read as Ne.
const (
	Eq CompareOp = iota + 1 // =
	Ne                      // <> (also !=)
	Lt                      // <
	Gt                      // >
	Le                      // <=
	Ge                      // >=
)

// String returns the canonical spelling of op.
func (op CompareOp) String() string {
	switch op {
	case Eq:
		return "="
	case Ne:
		return "<>"
	case Lt:
		return "<"
	case Gt:
		return ">"
	case Le:
		return "<="
	case Ge:
		return ">="
	}
	return "?"
}

// CompareExpr is `field op value`. `F IS NULL` is lowered to `F = NULL` and
// `F IS NOT NULL` to `F <> NULL`.
type CompareExpr struct {
	X     *FieldRef
	Op    CompareOp
	OpRng diag.Range
	Y     Literal
}

// InExpr is `field [NOT] IN (v, …)` or `field [NOT] IN (SELECT …)`. Exactly
// one of List and Query is set.
type InExpr struct {
	X      *FieldRef
	Not    bool
	OpRng  diag.Range // from NOT (if any) to IN
	Lparen diag.Range
	List   []Literal
	Query  *Query
	Rparen diag.Range
}

// LikeExpr is `field [NOT] LIKE pattern`.
type LikeExpr struct {
	X       *FieldRef
	Not     bool
	OpRng   diag.Range // from NOT (if any) to LIKE
	Pattern Literal
}

// StringLit is a quoted string. Value is unescaped; the quote style is not
// kept because the formatter chooses it.
type StringLit struct {
	Value string
	Rng   diag.Range
}

// NumberLit is an integer or decimal, possibly negative. Raw is its text as
// written, which is also its JSON number text.
type NumberLit struct {
	Raw string
	Rng diag.Range
}

// DateLit is an unquoted date `2024-01-31` or date-time
// `2024-01-31T17:00:00[.fff][Z|±hh:mm]`. Raw is its text as written.
type DateLit struct {
	Raw string
	Rng diag.Range
}

// IsDateTime reports whether d has a time part.
func (d *DateLit) IsDateTime() bool { return len(d.Raw) > 10 }

// BoolLit is TRUE or FALSE.
type BoolLit struct {
	Value bool
	Rng   diag.Range
}

// NullLit is NULL.
type NullLit struct {
	Rng diag.Range
}

// ParamRef is a bind parameter `:name`. Name excludes the colon.
type ParamRef struct {
	Name string
	Rng  diag.Range
}

// BadExpr stands for a part of a condition that could not be parsed, so that
// partial trees stay well formed. When the part started with a field that
// was read, as in the unfinished `… AND Priority ORDER BY …`, X keeps it.
type BadExpr struct {
	X   *FieldRef // the field read before the fault, or nil
	Rng diag.Range
}
