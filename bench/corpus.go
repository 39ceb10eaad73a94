package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	tidb "github.com/pingcap/tidb/pkg/parser"
	"github.com/xwb1989/sqlparser"
)

// DefaultSeed is the seed of the benchmark corpus. Changing it changes every
// figure in BENCHMARKS.md.
const DefaultSeed = 20140101

// DefaultSize is the number of queries in the benchmark corpus: 200 small,
// 200 medium and 100 large.
const DefaultSize = 500

// Class is the size class of a generated query.
type Class int

// The size classes. Of every five consecutive queries two are Small, two
// Medium and one Large, so any prefix of a multiple of five queries holds
// 40%, 40% and 20%.
const (
	Small  Class = iota // 3 fields, 1 condition
	Medium              // 6 fields, 3–5 conditions, at most one level of parentheses
	Large               // 20 fields, 15 conditions nested 3 deep with AND, OR and NOT
)

// Classes lists the size classes in order.
var Classes = []Class{Small, Medium, Large}

// String returns "small", "medium" or "large".
func (c Class) String() string {
	switch c {
	case Small:
		return "small"
	case Medium:
		return "medium"
	case Large:
		return "large"
	}
	return fmt.Sprintf("Class(%d)", int(c))
}

// Query is one generated query in every dialect. CZQL, SQL and TiDB are
// rendered from the same intermediate structure, token for token.
type Query struct {
	Class Class
	CZQL  string // canonical-ish CZQL: unquoted dates, @ on some names
	SQL   string // MySQL for sqlparser: quoted dates, no @, keywords backquoted
	// TiDB is the SQL text as TiDB's parser reads it: the same as SQL
	// except that a bind parameter :name is written ?, since TiDB reads
	// :name as two tokens and rejects it (and a name TiDB reserves would
	// be backquoted; none of the schema's names is).
	TiDB string
	// Tokens is the number of tokens the renderer wrote, which is the
	// same for every dialect: every name, keyword, literal, operator and
	// punctuation mark is one token (a dot path a.b is three). End of
	// input is not counted.
	Tokens int
	Preds  int // predicates in WHERE
	Depth  int // deepest nesting of parentheses in WHERE (IN lists excluded)
	// CZQLError is CZQL with exactly one syntax error, of about the same
	// size: the CZQL text with one comma dropped or one operator doubled,
	// as ErrorKind says.
	CZQLError string
	ErrorKind ErrorKind
}

// ErrorKind is the syntax error written into [Query.CZQLError].
type ErrorKind int

// The syntax errors. Queries at even positions in the corpus get
// DoubledOperator when their WHERE has a comparison; every other query gets
// MissingComma.
const (
	// MissingComma drops the comma before the middle field of the SELECT
	// list: `SELECT a, b c, d`. The text is one byte shorter.
	MissingComma ErrorKind = iota
	// DoubledOperator writes the operator of the middle comparison of
	// WHERE twice: `DueDate < < 2024-01-01`. The text is two or three
	// bytes longer.
	DoubledOperator
)

// String returns "missing-comma" or "doubled-operator".
func (k ErrorKind) String() string {
	switch k {
	case MissingComma:
		return "missing-comma"
	case DoubledOperator:
		return "doubled-operator"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Generate returns n queries generated deterministically from seed. The same
// seed and n always give the same queries.
func Generate(seed uint64, n int) []Query {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	qs := make([]Query, 0, n)
	for i := 0; i < n; i++ {
		c := classOf(i)
		qs = append(qs, g.query(c).render(c, i))
	}
	return qs
}

// classOf returns the class of the i-th query: the pattern S S M M L repeats.
func classOf(i int) Class {
	switch i % 5 {
	case 0, 1:
		return Small
	case 2, 3:
		return Medium
	}
	return Large
}

// Filter returns the queries of class c, in order.
func Filter(qs []Query, c Class) []Query {
	var out []Query
	for _, q := range qs {
		if q.Class == c {
			out = append(out, q)
		}
	}
	return out
}

// Sizes returns the total length in bytes of the CZQL texts and of the SQL
// texts of qs, and the total number of tokens. [TiDBBytes] and
// [CZQLErrorBytes] give the sizes of the other texts.
func Sizes(qs []Query) (czqlBytes, sqlBytes, tokens int) {
	for _, q := range qs {
		czqlBytes += len(q.CZQL)
		sqlBytes += len(q.SQL)
		tokens += q.Tokens
	}
	return czqlBytes, sqlBytes, tokens
}

// TiDBBytes returns the total length in bytes of the TiDB texts of qs.
func TiDBBytes(qs []Query) int {
	n := 0
	for _, q := range qs {
		n += len(q.TiDB)
	}
	return n
}

// CZQLErrorBytes returns the total length in bytes of the CZQL texts with a
// syntax error of qs.
func CZQLErrorBytes(qs []Query) int {
	n := 0
	for _, q := range qs {
		n += len(q.CZQLError)
	}
	return n
}

// ---------------------------------------------------------------------------
// The intermediate structure

// spec is one query before rendering.
type spec struct {
	entity string
	fields []ref
	where  cond
	order  []orderItem
	limit  int // 0: no LIMIT
	offset int // 0: no OFFSET (only written after LIMIT)
	multi  bool
}

// ref is a field reference: a dot path, optionally written with @ in CZQL.
type ref struct {
	path []string
	at   bool
}

type orderItem struct {
	field ref
	dir   string // "", "ASC" or "DESC"
}

// cond is a WHERE condition: *group, *notCond or *pred.
type cond interface{ isCond() }

// group is a chain `a OP b OP c`, parenthesised unless it is the whole
// condition.
type group struct {
	op    string // AND or OR
	items []cond
	paren bool
}

// notCond is `NOT x`.
type notCond struct{ x cond }

// pred is a predicate on one field.
type pred struct {
	field ref
	kind  predKind
	op    string // for comparisons: = <> < > <= >=
	not   bool   // NOT IN, NOT LIKE, IS NOT NULL
	vals  []lit  // one for compare and LIKE, one or more for IN
}

type predKind int

const (
	pCompare predKind = iota
	pIn
	pLike
	pIsNull
)

// lit is a literal operand.
type lit struct {
	kind litKind
	text string // without quotes for strings and dates
	dq   bool   // a string written with double quotes
}

type litKind int

const (
	lString litKind = iota
	lNumber
	lDate // unquoted in CZQL, quoted in SQL (also date-times)
	lBool
	lParam // :name
)

func (*group) isCond()   {}
func (*notCond) isCond() {}
func (*pred) isCond()    {}

// ---------------------------------------------------------------------------
// Rendering

type dialect int

const (
	dCZQL dialect = iota
	dSQL
	dTiDB
)

// render writes q in every dialect, and the CZQL with a syntax error. i is
// the query's position in the corpus, which picks the kind of error.
func (s *spec) render(c Class, i int) Query {
	cz, n1 := s.write(&writer{d: dCZQL})
	sq, n2 := s.write(&writer{d: dSQL})
	ti, n3 := s.write(&writer{d: dTiDB})
	if n1 != n2 || n1 != n3 {
		panic("bench: dialects rendered different token counts")
	}
	preds, depth := shape(s.where)
	q := Query{Class: c, CZQL: cz, SQL: sq, TiDB: ti, Tokens: n1, Preds: preds, Depth: depth}
	ew := &writer{d: dCZQL}
	if cmps := comparisons(s.where); i%2 == 0 && cmps > 0 {
		q.ErrorKind = DoubledOperator
		ew.doubleOp = (cmps + 1) / 2
	} else {
		q.ErrorKind = MissingComma
		ew.dropComma = len(s.fields) / 2
	}
	q.CZQLError, _ = s.write(ew)
	return q
}

// comparisons returns the number of comparisons (`field op value`) in c.
func comparisons(c cond) int {
	switch c := c.(type) {
	case *group:
		n := 0
		for _, x := range c.items {
			n += comparisons(x)
		}
		return n
	case *notCond:
		return comparisons(c.x)
	case *pred:
		if c.kind == pCompare {
			return 1
		}
	}
	return 0
}

// shape returns the number of predicates in c and its parenthesis depth.
func shape(c cond) (preds, depth int) {
	switch c := c.(type) {
	case *group:
		for _, x := range c.items {
			p, d := shape(x)
			preds += p
			depth = max(depth, d)
		}
		if c.paren {
			depth++
		}
	case *notCond:
		return shape(c.x)
	case *pred:
		return 1, 0
	}
	return preds, depth
}

// writer renders tokens separated by single spaces, except after "(" and
// around "." and before ")" and ",".
//
// dropComma and doubleOp write a syntax error: with dropComma > 0 the comma
// before SELECT field number dropComma (counted from 0) is left out, and
// with doubleOp > 0 the operator of comparison number doubleOp (counted
// from 1, in written order) is written twice.
type writer struct {
	b    strings.Builder
	d    dialect
	n    int
	last string

	dropComma int
	doubleOp  int
	cmps      int // comparisons written so far
}

func (w *writer) tok(t string) {
	if w.b.Len() > 0 && w.last != "(" && w.last != "." && w.last != "\n" &&
		t != ")" && t != "," && t != "." {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(t)
	w.last = t
	w.n++
}

// nl starts a new line instead of the next space.
func (w *writer) nl() {
	w.b.WriteByte('\n')
	w.last = "\n"
}

// write renders s with w and returns the text and the number of tokens.
func (s *spec) write(w *writer) (string, int) {
	w.tok("SELECT")
	for i, f := range s.fields {
		if i > 0 && i != w.dropComma {
			w.tok(",")
		}
		w.ref(f)
	}
	s.clauseBreak(w)
	w.tok("FROM")
	w.name(s.entity, false)
	if s.where != nil {
		s.clauseBreak(w)
		w.tok("WHERE")
		w.cond(s.where)
	}
	if len(s.order) > 0 {
		s.clauseBreak(w)
		w.tok("ORDER")
		w.tok("BY")
		for i, o := range s.order {
			if i > 0 {
				w.tok(",")
			}
			w.ref(o.field)
			if o.dir != "" {
				w.tok(o.dir)
			}
		}
	}
	if s.limit > 0 {
		s.clauseBreak(w)
		w.tok("LIMIT")
		w.tok(fmt.Sprint(s.limit))
		if s.offset > 0 {
			w.tok("OFFSET")
			w.tok(fmt.Sprint(s.offset))
		}
	}
	return w.b.String(), w.n
}

func (s *spec) clauseBreak(w *writer) {
	if s.multi {
		w.nl()
	}
}

// name writes one identifier: with @ in CZQL when at is set, backquoted in
// SQL when sqlparser would read it as a keyword, and in TiDB's SQL also
// when TiDB reserves it.
func (w *writer) name(n string, at bool) {
	switch {
	case w.d == dCZQL && at:
		w.tok("@" + n)
	case w.d == dSQL && sqlKeyword(n), w.d == dTiDB && (sqlKeyword(n) || tidbReserved(n)):
		w.tok("`" + n + "`")
	default:
		w.tok(n)
	}
}

func (w *writer) ref(r ref) {
	for i, seg := range r.path {
		if i > 0 {
			w.tok(".")
		}
		w.name(seg, r.at && i == 0)
	}
}

func (w *writer) cond(c cond) {
	switch c := c.(type) {
	case *group:
		if c.paren {
			w.tok("(")
		}
		for i, x := range c.items {
			if i > 0 {
				w.tok(c.op)
			}
			w.cond(x)
		}
		if c.paren {
			w.tok(")")
		}
	case *notCond:
		w.tok("NOT")
		w.cond(c.x)
	case *pred:
		w.pred(c)
	}
}

func (w *writer) pred(p *pred) {
	w.ref(p.field)
	switch p.kind {
	case pCompare:
		w.tok(p.op)
		w.cmps++
		if w.cmps == w.doubleOp {
			w.tok(p.op)
		}
		w.lit(p.vals[0])
	case pLike:
		if p.not {
			w.tok("NOT")
		}
		w.tok("LIKE")
		w.lit(p.vals[0])
	case pIn:
		if p.not {
			w.tok("NOT")
		}
		w.tok("IN")
		w.tok("(")
		for i, v := range p.vals {
			if i > 0 {
				w.tok(",")
			}
			w.lit(v)
		}
		w.tok(")")
	case pIsNull:
		w.tok("IS")
		if p.not {
			w.tok("NOT")
		}
		w.tok("NULL")
	}
}

func (w *writer) lit(l lit) {
	switch l.kind {
	case lString:
		if l.dq {
			w.tok(`"` + l.text + `"`)
		} else {
			w.tok("'" + l.text + "'")
		}
	case lDate:
		if w.d == dCZQL {
			w.tok(l.text)
		} else {
			w.tok("'" + l.text + "'")
		}
	case lParam:
		if w.d == dTiDB {
			w.tok("?") // TiDB's parameter marker
		} else {
			w.tok(l.text)
		}
	default: // numbers and TRUE/FALSE are spelled alike
		w.tok(l.text)
	}
}

var (
	sqlKeywordMu    sync.Mutex
	sqlKeywordCache = map[string]bool{}
)

// sqlKeyword reports whether sqlparser's tokenizer reads name as something
// other than a plain identifier, so that it must be backquoted.
func sqlKeyword(name string) bool {
	sqlKeywordMu.Lock()
	defer sqlKeywordMu.Unlock()
	kw, ok := sqlKeywordCache[name]
	if !ok {
		typ, _ := sqlparser.NewStringTokenizer(name).Scan()
		kw = typ != sqlparser.ID
		sqlKeywordCache[name] = kw
	}
	return kw
}

// tidbReserved reports whether TiDB reserves name as a keyword (in any
// case), so that its parser reads it as a name only backquoted.
var tidbReserved = func() func(name string) bool {
	reserved := map[string]bool{}
	for _, k := range tidb.Keywords {
		if k.Reserved {
			reserved[k.Word] = true
		}
	}
	return func(name string) bool { return reserved[strings.ToUpper(name)] }
}()
