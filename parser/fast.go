package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/lexer"
)

// fast is the hot path of the parser: a hand-written recursive-descent
// recognizer of the grammar in grammar.go that builds the very concrete
// tree participle would build, without participle's reflection. It gives
// up at the first token that does not fit; the statement is then parsed
// again by participle, which stays the grammar of record: it produces the
// partial tree and the error that explain.go rephrases. So fast only has
// to be right on valid input, and a differential test and fuzz target
// (fast_test.go) check that on every input both agree.
//
// Each method parses one production at the cursor and returns nil, or
// false, when it does not match; the caller then gives up too. Choices
// look at one or two tokens, as participle does with lookahead 1.
//
// Because it never backtracks, the token it gives up on is the first one
// that no valid statement could have there. That is where a syntax error
// is reported: participle, which backtracks over failed alternatives,
// sometimes reports an earlier token.
type fast struct {
	toks []plexer.Token
	i    int
	fail int // index of the token the parse gave up on, or -1

	// The most numerous nodes come from slabs.
	fields     slab[fieldRef]
	items      slab[selectItem]
	unaries    slab[unaryCondition]
	predicates slab[predicate]
	compares   slab[comparison]
	literals   slab[literal]
}

// newFast returns a fast parser for toks, with slabs sized for a typical
// statement of that length.
func newFast(toks []plexer.Token) *fast {
	n := len(toks)
	return &fast{
		toks: toks, fail: -1, fields: newSlab[fieldRef](n / 3), items: newSlab[selectItem](n / 6),
		unaries: newSlab[unaryCondition](n / 6), predicates: newSlab[predicate](n / 6),
		compares: newSlab[comparison](n / 6), literals: newSlab[literal](n / 6),
	}
}

// fastQuery parses a whole statement. It returns nil and the index of the
// token at fault when the tokens are not a valid statement.
func fastQuery(toks []plexer.Token) (*query, int) {
	f := newFast(toks)
	if q := f.query(); q != nil && f.atEOF() {
		return q, -1
	}
	return nil, f.fail
}

// fastCondition parses a whole bare condition, as fastQuery does.
func fastCondition(toks []plexer.Token) (*condition, int) {
	f := newFast(toks)
	if c := f.condition(); c != nil && f.atEOF() {
		return c, -1
	}
	return nil, f.fail
}

// atEOF reports whether all tokens were read, and records a failure at
// the next token if not.
func (f *fast) atEOF() bool {
	if f.peek().Type == lexer.EOF {
		return true
	}
	f.failAt(f.i)
	return false
}

// failAt records that the token at i does not fit. The cursor only moves
// forward, so the last token that did not fit is the furthest one.
func (f *fast) failAt(i int) { f.fail = max(f.fail, i) }

func (f *fast) peek() plexer.Token { return f.toks[f.i] }

// peek2 returns the token after the next one.
func (f *fast) peek2() plexer.Token {
	if f.i+1 < len(f.toks) {
		return f.toks[f.i+1]
	}
	return f.toks[len(f.toks)-1]
}

// word consumes the keyword w of kind k, if it is next.
func (f *fast) word(k lexer.Kind, w string) (plexer.Token, bool) {
	t := f.toks[f.i]
	if t.Type == k && isWord(t, w) {
		f.i++
		return t, true
	}
	f.failAt(f.i)
	return t, false
}

// punct consumes the punctuation mark s, if it is next.
func (f *fast) punct(s string) (plexer.Token, bool) {
	t := f.toks[f.i]
	if isPunct(t, s) {
		f.i++
		return t, true
	}
	f.failAt(f.i)
	return t, false
}

// name consumes a name: an identifier, an @-name or a soft keyword.
func (f *fast) name() (plexer.Token, bool) {
	t := f.toks[f.i]
	if isNameToken(t) {
		f.i++
		return t, true
	}
	f.failAt(f.i)
	return t, false
}

func (f *fast) query() *query {
	q := &query{}
	var ok bool
	if q.Select, ok = f.word(lexer.Reserved, "SELECT"); !ok {
		return nil
	}
	for {
		it := f.selectItem()
		if it == nil {
			return nil
		}
		q.Items = append(q.Items, it)
		if _, ok := f.punct(","); !ok {
			break
		}
	}
	if q.From = f.from(); q.From == nil {
		return nil
	}
	return f.clauses(q)
}

// clauses parses the optional clauses after FROM.
func (f *fast) clauses(q *query) *query {
	if t := f.peek(); t.Type == lexer.Reserved && isWord(t, "WHERE") {
		if q.Where = f.where(); q.Where == nil {
			return nil
		}
	}
	if f.peek().Type == lexer.Keyword && isWord(f.peek(), "GROUP") {
		if q.GroupBy = f.groupBy(); q.GroupBy == nil {
			return nil
		}
	}
	if f.peek().Type == lexer.Keyword && isWord(f.peek(), "ORDER") {
		if q.OrderBy = f.orderBy(); q.OrderBy == nil {
			return nil
		}
	}
	if t, ok := f.word(lexer.Keyword, "LIMIT"); ok {
		v, ok := f.value()
		if !ok {
			return nil
		}
		q.Limit = &limit{Keyword: t, Value: v}
	}
	if t, ok := f.word(lexer.Keyword, "OFFSET"); ok {
		v, ok := f.value()
		if !ok {
			return nil
		}
		q.Offset = &offset{Keyword: t, Value: v}
	}
	return q
}

// value consumes the number or parameter of LIMIT or OFFSET.
func (f *fast) value() (plexer.Token, bool) {
	t := f.peek()
	if t.Type == lexer.Number || t.Type == lexer.Param {
		f.i++
		return t, true
	}
	f.failAt(f.i)
	return t, false
}

func (f *fast) selectItem() *selectItem {
	t := f.peek()
	it := f.items.new()
	switch {
	case isAggregate(t) && isPunct(f.peek2(), "("):
		it.Aggregate = f.aggregate()
	case isPunct(t, "("):
		it.Relation = f.relationQuery()
	default:
		it.Field = f.fieldRef()
	}
	if it.Aggregate == nil && it.Relation == nil && it.Field == nil {
		return nil
	}
	return it
}

func (f *fast) aggregate() *aggregate {
	a := &aggregate{Func: f.peek()}
	f.i += 2 // the function and '('
	if a.Arg = f.fieldRef(); a.Arg == nil {
		return nil
	}
	var ok bool
	if a.Rparen, ok = f.punct(")"); !ok {
		return nil
	}
	if _, ok := f.word(lexer.Keyword, "AS"); ok {
		t, ok := f.name()
		if !ok {
			return nil
		}
		a.Alias = &t
	}
	return a
}

func (f *fast) relationQuery() *relationQuery {
	r := &relationQuery{}
	r.Lparen, _ = f.punct("(")
	if r.Query = f.query(); r.Query == nil {
		return nil
	}
	var ok bool
	if r.Rparen, ok = f.punct(")"); !ok {
		return nil
	}
	return r
}

// fieldRef consumes a dot path; after a dot any word is a name.
func (f *fast) fieldRef() *fieldRef {
	start := f.i
	if _, ok := f.name(); !ok {
		return nil
	}
	for isPunct(f.peek(), ".") {
		if n := f.peek2(); !isNameToken(n) && n.Type != lexer.Reserved {
			f.failAt(f.i + 1) // nothing can follow a path's '.' but a name
			return nil
		}
		f.i += 2
	}
	fr := f.fields.new()
	fr.Path = f.toks[start:f.i:f.i]
	return fr
}

func (f *fast) from() *from {
	kw, ok := f.word(lexer.Reserved, "FROM")
	if !ok {
		return nil
	}
	e, ok := f.name()
	if !ok {
		return nil
	}
	return &from{Keyword: kw, Entity: e}
}

func (f *fast) where() *where {
	kw, _ := f.word(lexer.Reserved, "WHERE")
	c := f.condition()
	if c == nil {
		return nil
	}
	return &where{Keyword: kw, Cond: c}
}

func (f *fast) groupBy() *groupBy {
	g := &groupBy{}
	g.Group, _ = f.word(lexer.Keyword, "GROUP")
	var ok bool
	if g.By, ok = f.word(lexer.Keyword, "BY"); !ok {
		return nil
	}
	for {
		fr := f.fieldRef()
		if fr == nil {
			return nil
		}
		g.Fields = append(g.Fields, fr)
		if _, ok := f.punct(","); !ok {
			return g
		}
	}
}

func (f *fast) orderBy() *orderBy {
	o := &orderBy{}
	o.Order, _ = f.word(lexer.Keyword, "ORDER")
	var ok bool
	if o.By, ok = f.word(lexer.Keyword, "BY"); !ok {
		return nil
	}
	for {
		fr := f.fieldRef()
		if fr == nil {
			return nil
		}
		it := &orderItem{Field: fr}
		if t := f.peek(); t.Type == lexer.Keyword && isAnyWord(t, "ASC", "DESC") {
			f.i++
			it.Dir = &t
		}
		o.Items = append(o.Items, it)
		if _, ok := f.punct(","); !ok {
			return o
		}
	}
}
