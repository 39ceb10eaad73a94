package complete

import (
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
)

// Kind classifies a suggestion: Keyword, Entity, Field, Relation, Value,
// Function, Operator.
type Kind int

// The kinds of suggestion.
const (
	Keyword  Kind = iota // a clause or condition keyword: SELECT, WHERE, GROUP BY, AND, ASC, …
	Entity               // an entity type after FROM
	Field                // a field of the entity in scope, or of a dot path's target
	Relation             // a relation of the outer entity after FROM in a relation sub-select
	Value                // a value after = / <> / IN (: a pick-list value, TRUE, FALSE, NULL
	Function             // an aggregate function in the select list: COUNT( SUM( AVG( MIN( MAX(
	Operator             // a condition operator after a field: =, LIKE, IS NULL, …
)

// Item is one suggestion.
type Item struct {
	Text        string // replaces text[Start:cursor]
	Description string // one line shown beside it
	Kind        Kind
	// Field is the metadata of a Field item (for a name offered before
	// FROM, its first declaration); nil for the other kinds. Editors show
	// more of it than Description holds.
	Field *metadata.Field
	// Relation is the metadata of a Relation item; nil for the other
	// kinds.
	Relation *metadata.Relation
}

// Result is the suggestions for one cursor position.
type Result struct {
	Start int    // byte offset in text where the word being completed starts
	Items []Item // best first
	// Incomplete reports that typing more may offer names this list
	// lacks: the field names offered before FROM were cut at their cap,
	// or their index is still being built.
	Incomplete bool
}

// Complete returns the suggestions for the cursor at byte offset cursor of
// text; md may be nil (then only keywords/operators).
//
// Only the statement around the cursor counts; the cursor is clamped to
// [0, len(text)]. Complete never panics and does no I/O.
func Complete(md *metadata.Metadata, text string, cursor int) Result {
	cursor = min(max(cursor, 0), len(text))
	exp := parser.Complete(text, cursor)
	c := newCompleter(md, text, exp)
	items := c.items()
	return Result{Start: exp.Start, Items: items, Incomplete: c.incomplete}
}
