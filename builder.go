package czql

import (
	"fmt"
	"slices"

	"github.com/czql/czql/ast"
)

// Builder builds one query from Go: names and Go values, never CZQL text,
// so that no value can become a name, an operator or another condition.
// Start with [Select]; get the result with [Builder.Query] (the syntax
// tree), [Builder.CZQL] (the canonical text) or [Builder.Request] (the
// API request).
//
// A Builder is immutable: every method returns a new Builder and leaves
// its receiver as it was, so a base query can be shared, also between
// goroutines, and extended in different ways. A nil *Builder is an empty
// one.
//
// Mistakes (a name that is not a CZQL name, a Go value CZQL has no
// literal for, a missing FROM) are not reported by the methods that make
// them but by Query, CZQL and Request, all together, as a [diag.List].
type Builder struct {
	items   []item
	from    string
	hasFrom bool
	where   []Cond
	groupBy []string
	orders  []order
	limit   int
	offset  int
	hasLim  bool
	hasOff  bool
	opts    []Option
}

// item is one item of the SELECT list.
type item struct {
	kind  itemKind
	field string  // a field, an aggregate's field
	fn    AggFunc // of an aggregate
	alias string  // of an aggregate ("" for none)
	sub   *Builder
}

// itemKind tells what an [item] is.
type itemKind int

const (
	fieldItem itemKind = iota
	aggregateItem
	relationItem
)

// order is one ORDER BY item.
type order struct {
	field string
	dir   Direction
}

// AggFunc is an aggregate function of [Builder.Aggregate]: the syntax
// tree's own.
type AggFunc = ast.AggFunc

// The aggregate functions.
const (
	Count = ast.Count
	Sum   = ast.Sum
	Avg   = ast.Avg
	Min   = ast.Min
	Max   = ast.Max
)

// Direction is the sort direction of [Builder.OrderBy]. The zero
// Direction is Asc.
type Direction int

// The sort directions, written ASC and DESC.
const (
	Asc Direction = iota
	Desc
)

// clone returns a copy of b whose slices are clipped, so that appending
// to them never writes into b's arrays.
func (b *Builder) clone() *Builder {
	if b == nil {
		return &Builder{}
	}
	c := *b
	c.items = slices.Clip(c.items)
	c.where = slices.Clip(c.where)
	c.groupBy = slices.Clip(c.groupBy)
	c.orders = slices.Clip(c.orders)
	c.opts = slices.Clip(c.opts)
	return &c
}

// Select starts a query selecting fields: names or dot paths such as
// "Manager.Name" (a leading `@` is allowed; the printer adds it where a
// name is a keyword). It may select nothing when the query has
// aggregates or relations.
func Select(fields ...string) *Builder { return (*Builder)(nil).selectFields(fields) }

// SelectFields starts a query selecting fields given as handles (such
// as the fields of code written by `czql gen`), by their String().
func SelectFields(fields ...fmt.Stringer) *Builder { return Select(names(fields)...) }

// Columns adds fields to the SELECT list, after the items already
// there.
func (b *Builder) Columns(fields ...string) *Builder { return b.selectFields(fields) }

// selectFields returns b with fields added to its SELECT list.
func (b *Builder) selectFields(fields []string) *Builder {
	c := b.clone()
	for _, f := range fields {
		c.items = append(c.items, item{kind: fieldItem, field: f})
	}
	return c
}

// names returns the String() of each of fs.
func names(fs []fmt.Stringer) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		if f != nil {
			out[i] = f.String()
		}
	}
	return out
}

// From sets the entity the query reads, such as "Task". A relation
// sub-query ([Builder.Relation]) has no FROM of its own.
func (b *Builder) From(entity string) *Builder {
	c := b.clone()
	c.from, c.hasFrom = entity, true
	return c
}

// FromEntity is [Builder.From] with an entity given as a handle, by its
// String().
func (b *Builder) FromEntity(entity fmt.Stringer) *Builder {
	name := ""
	if entity != nil {
		name = entity.String()
	}
	return b.From(name)
}

// Aggregate adds `fn(field) AS alias` to the SELECT list; an empty alias
// adds none. A query with an aggregate (or a GROUP BY) is sent as an
// aggregateQuery.
func (b *Builder) Aggregate(fn AggFunc, field, alias string) *Builder {
	c := b.clone()
	c.items = append(c.items, item{kind: aggregateItem, fn: fn, field: field, alias: alias})
	return c
}

// Relation adds the relation sub-select `(SELECT … FROM name [WHERE …]
// [ORDER BY …])` to the SELECT list: the items of the relation name of
// the entity (such as "Resources"), with sub's fields, conditions and
// order. sub has no FROM (name is its FROM), no GROUP BY, LIMIT, OFFSET
// or aggregates; it may have relations of its own.
func (b *Builder) Relation(name string, sub *Builder) *Builder {
	c := b.clone()
	c.items = append(c.items, item{kind: relationItem, field: name, sub: sub})
	return c
}

// Where adds conditions; all the conditions of a query, from every call,
// are ANDed. Where with no conditions changes nothing.
func (b *Builder) Where(conds ...Cond) *Builder {
	c := b.clone()
	c.where = append(c.where, conds...)
	return c
}

// GroupBy adds fields to the GROUP BY clause.
func (b *Builder) GroupBy(fields ...string) *Builder {
	c := b.clone()
	c.groupBy = append(c.groupBy, fields...)
	return c
}

// OrderBy adds `field ASC` or `field DESC` to the ORDER BY clause; the
// field may also be the alias of an aggregate.
func (b *Builder) OrderBy(field string, dir Direction) *Builder {
	c := b.clone()
	c.orders = append(c.orders, order{field: field, dir: dir})
	return c
}

// Limit sets LIMIT n, the number of rows to return (n ≥ 0).
func (b *Builder) Limit(n int) *Builder {
	c := b.clone()
	c.limit, c.hasLim = n, true
	return c
}

// Offset sets OFFSET n, the number of rows to skip (n ≥ 0).
func (b *Builder) Offset(n int) *Builder {
	c := b.clone()
	c.offset, c.hasOff = n, true
	return c
}

// With adds options to the query: with [WithMetadata], Query, CZQL and
// Request check the query's names and types against the organisation's
// metadata and return the diagnostics; the options are also those of
// Request. The options of a sub-query's Builder ([Builder.Relation],
// [InQuery]) are not used: those of the query apply to it all.
func (b *Builder) With(opts ...Option) *Builder {
	c := b.clone()
	c.opts = append(c.opts, opts...)
	return c
}
