package lexer

// This file is the one table of CZQL's words: the keywords, the aggregate
// functions and the order of the clauses. The lexer classifies words with
// it, the parser reads it to parse and to explain, the formatter to decide
// which names need `@`, the validator to know the aggregates, and the
// completion engine to offer what may come next.

// reservedWords can never be bare names: they delimit clauses and
// conditions. Write `@From` for a field called From.
var reservedWords = []string{"SELECT", "FROM", "WHERE", "AND", "OR", "NOT"}

// aggregates are the aggregate functions, in the order messages list them.
var aggregates = []string{"COUNT", "SUM", "AVG", "MIN", "MAX"}

// softKeywords are keywords that are also accepted as bare names wherever
// the grammar position makes it unambiguous (entity and relation names,
// the first segment of a field, aliases, later path segments). BETWEEN and
// HAVING are not CZQL, but keywords so that their use is explained.
var softKeywords = append([]string{
	"GROUP", "BY", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET", "AS", "IN",
	"LIKE", "IS", "NULL", "TRUE", "FALSE",
}, append(aggregates, "BETWEEN", "HAVING")...)

// Keywords returns every keyword in upper case, reserved words first.
func Keywords() []string {
	return append(append([]string(nil), reservedWords...), softKeywords...)
}

// Aggregates returns the aggregate functions in upper case: COUNT, SUM,
// AVG, MIN, MAX.
func Aggregates() []string { return append([]string(nil), aggregates...) }

// IsAggregate reports whether name, in any case, is an aggregate function.
func IsAggregate(name string) bool { return inFold(aggregates, name) }

// IsReserved reports whether name, in any case, is a reserved word.
func IsReserved(name string) bool { return inFold(reservedWords, name) }

// IsKeyword reports whether name, in any case, is a keyword, reserved or
// not. The formatter writes such field names with `@`.
func IsKeyword(name string) bool { return IsReserved(name) || inFold(softKeywords, name) }

// Clause is a clause of a query. The clauses are numbered in the order a
// query must write them.
type Clause int

// The clauses, in their order.
const (
	NoClause Clause = iota // before SELECT
	Select
	From
	Where
	GroupBy
	OrderBy
	Limit
	Offset
)

// clauseNames are the clauses as written, upper case.
var clauseNames = [...]string{
	NoClause: "", Select: "SELECT", From: "FROM", Where: "WHERE",
	GroupBy: "GROUP BY", OrderBy: "ORDER BY", Limit: "LIMIT", Offset: "OFFSET",
}

// Clauses returns the clauses in the order a query writes them.
func Clauses() []Clause { return []Clause{Select, From, Where, GroupBy, OrderBy, Limit, Offset} }

// String returns the clause's keywords, such as "GROUP BY"; "" for
// NoClause.
func (c Clause) String() string {
	if c >= 0 && int(c) < len(clauseNames) {
		return clauseNames[c]
	}
	return ""
}

// ClauseStartedBy returns the clause whose first keyword is word (in any
// case): GROUP starts GROUP BY. It returns NoClause for other words.
func ClauseStartedBy(word string) Clause {
	for c, name := range clauseNames {
		if c == int(NoClause) {
			continue
		}
		first := name
		if i := len(first) - len(" BY"); i > 0 && first[i:] == " BY" {
			first = first[:i]
		}
		if equalFoldASCII(first, word) {
			return Clause(c)
		}
	}
	return NoClause
}

func inFold(words []string, s string) bool {
	if len(s) < 2 || len(s) > 7 {
		return false
	}
	for _, w := range words {
		if equalFoldASCII(w, s) {
			return true
		}
	}
	return false
}

// equalFoldASCII reports whether a and b are equal under ASCII case folding
// only, so that "ſelect" (with a long s) is not SELECT. It never allocates.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// classify returns the kind of the identifier-like word w: [Reserved],
// [Keyword] or [Ident]. It never allocates.
func classify(w string) Kind {
	if len(w) < 2 || len(w) > 7 || lowerASCII(w[0]) < 'a' || lowerASCII(w[0]) > 'z' {
		return Ident
	}
	for _, e := range keywordIndex[lowerASCII(w[0])-'a'] {
		if equalFoldASCII(e.word, w) {
			return e.kind
		}
	}
	return Ident
}

// keywordIndex holds the keywords by the lower-case ASCII letter they
// start with, so classify compares a word with a few keywords at most.
var keywordIndex = func() (idx [26][]keywordEntry) {
	for _, w := range reservedWords {
		idx[lowerASCII(w[0])-'a'] = append(idx[lowerASCII(w[0])-'a'], keywordEntry{w, Reserved})
	}
	for _, w := range softKeywords {
		idx[lowerASCII(w[0])-'a'] = append(idx[lowerASCII(w[0])-'a'], keywordEntry{w, Keyword})
	}
	return idx
}()

type keywordEntry struct {
	word string
	kind Kind
}

// IsName reports whether s is lexed as exactly one name (an [Ident], or a
// [Keyword] or [Reserved] word): a letter or '_', then letters, digits, '_'
// and combining marks. Printers use it to refuse names no source can hold.
func IsName(s string) bool {
	sc := Scanner{src: s}
	return sc.isNameStart(0) && sc.identEnd(0) == len(s)
}
