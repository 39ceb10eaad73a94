package parser

import (
	"slices"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// Role is the role of a name that the parser would accept at a cursor.
type Role int

// The roles of names.
const (
	RoleEntity   Role = iota + 1 // an entity, after FROM
	RoleField                    // a field of the query's entity, or of the target of Path
	RoleRelation                 // a relation of the outer entity, after FROM in a relation sub-select
	RoleValue                    // a value compared with Field
	RoleAlias                    // the alias of an aggregate, after AS
)

// Scope names the entity whose fields or relations a name belongs to.
type Scope struct {
	Entity   string // the name after FROM of the query around the cursor; "" while it has none
	Relation bool   // that query is a relation sub-select: Entity names a relation of Outer
	Outer    string // the entity of the query around a relation sub-select
}

// Slot is a name that fits at the cursor, in its role.
type Slot struct {
	Role  Role
	Scope Scope
	Path  []string      // RoleField after a dot path: the names before the last '.'
	Field *ast.FieldRef // RoleValue: the field the value is compared with; nil when missing
	Op    string        // RoleValue: the operator before it, as written ("=", "<>", "!=", "LIKE", "IN")
}

// Expected is what the parser would accept at a cursor: keywords, marks
// and names in their roles, and where the cursor stands.
type Expected struct {
	Start     int      // byte offset where the word being completed starts
	Prefix    string   // the text from Start to the cursor
	InString  bool     // the word is an unterminated string literal
	Keywords  []string // keywords and phrases, in the order the grammar tries them: "FROM", "GROUP BY", "NOT IN", "IS NOT NULL"
	Operators []string // comparison operators, after the field of a condition
	Functions []string // the aggregate functions, in a SELECT list
	SubSelect bool     // a relation sub-select "(SELECT …)" may start here
	Names     []Slot

	Clause    lexer.Clause // the clause around the cursor
	Query     *ast.Query   // the query or sub-query around the cursor, as far as it parsed
	Statement *ast.Query   // the statement around the cursor, as far as it parsed
}

// completion is the state of a parse that looks for a cursor.
type completion struct {
	tok    int  // index of the cursor token
	sealed bool // the cursor is inside parentheses that did not close: what follows them does not fit
	exp    *Expected
	stmt   *ast.Query
	// The queries being parsed, outermost first, with their kinds.
	stack []scopeEntry
	slots []slotEntry
}

// scopeEntry is one query being parsed.
type scopeEntry struct {
	q    *ast.Query
	kind queryKind
}

// slotEntry is a Slot whose scope is resolved once the queries are
// parsed, since FROM may come after the cursor.
type slotEntry struct {
	slot  Slot
	scope []scopeEntry
}

// Complete returns what the parser would accept at byte offset cursor of
// src, in the statement around it. It is for completion in editors and
// shells: the text up to the cursor is usually unfinished, and the text
// after it is read too, so that `SELECT Na| FROM Task` knows the entity.
// Inside a comment, a number, a date or a parameter nothing fits, and
// Expected lists nothing. Complete never fails.
func Complete(src string, cursor int) *Expected {
	cursor = min(max(cursor, 0), len(src))
	p := newParser(src)
	exp := &Expected{Start: cursor}
	if !p.cursorStatement(cursor, exp) {
		return exp
	}
	if p.br.deep >= 0 {
		return exp
	}
	for !p.atEOF() && p.i <= p.comp.tok {
		p.resetStatement()
		p.comp.stmt = nil
		before := p.i
		q := p.statement()
		if exp.Statement == nil && p.comp.stmt != nil {
			exp.Statement = q
		}
		if p.i == before {
			break
		}
	}
	p.comp.resolve()
	p.release()
	return exp
}

// atCursor reports whether the cursor token is next.
func (p *parser) atCursor() bool { return p.comp != nil && p.i == p.comp.tok && !p.comp.sealed }

// atWord reports whether the keyword w of kind k is next, noting it for
// completion.
func (p *parser) atWord(k lexer.Kind, w string) bool {
	if p.atCursor() {
		p.wantWords(w)
	}
	return p.isWordAt(p.i, k, w)
}

// here records where the cursor stands, the first time something is
// expected there.
func (p *parser) here() *Expected {
	c := p.comp
	if c.exp.Query == nil && len(c.stack) > 0 {
		c.exp.Query = c.stack[len(c.stack)-1].q
		c.exp.Clause = p.clause
		c.stmt = c.stack[0].q
	}
	return c.exp
}

// wantWords notes keywords or phrases that fit at the cursor.
func (p *parser) wantWords(ws ...string) {
	e := p.here()
	for _, w := range ws {
		if !slices.Contains(e.Keywords, w) {
			e.Keywords = append(e.Keywords, w)
		}
	}
}

// wantOperators notes the operators and operator phrases that may follow
// the field of a condition.
func (p *parser) wantOperators() {
	e := p.here()
	e.Operators = []string{"=", "<>", "<", "<=", ">", ">="}
	p.wantWords("LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL")
}

// wantFunctions notes the aggregates, and a relation sub-select in a
// statement's own SELECT list.
func (p *parser) wantFunctions() {
	e := p.here()
	if p.kind == topQuery { // sub-queries may not aggregate or nest relations
		e.Functions = lexer.Aggregates()
		e.SubSelect = true
	}
}

// wantName notes a name in a role; path is the dot path typed before it.
func (p *parser) wantName(role Role, path []string, field *ast.FieldRef) {
	p.wantSlot(Slot{Role: role, Path: path, Field: field})
}

// wantSlot notes a slot, once.
func (p *parser) wantSlot(slot Slot) {
	p.here()
	c := p.comp
	for _, s := range c.slots {
		if s.slot.Role == slot.Role && slices.Equal(s.slot.Path, slot.Path) {
			return
		}
	}
	c.slots = append(c.slots, slotEntry{slot: slot, scope: slices.Clone(c.stack)})
}

// wantValue notes a value of the field f after the operator op.
func (p *parser) wantValue(f *ast.FieldRef, op string) {
	p.wantSlot(Slot{Role: RoleValue, Field: f, Op: op})
}

// enter and leave track the queries being parsed, for the scope of names.
func (p *parser) enter(q *ast.Query) {
	if p.comp != nil {
		p.comp.stack = append(p.comp.stack, scopeEntry{q, p.kind})
	}
}

func (p *parser) leave() {
	if p.comp != nil {
		p.comp.stack = p.comp.stack[:len(p.comp.stack)-1]
	}
}

// resolve fills in the scopes of the slots, now that the queries are
// parsed.
func (c *completion) resolve() {
	for _, s := range c.slots {
		slot := s.slot
		n := len(s.scope)
		switch {
		case n == 0:
		case slot.Role == RoleRelation:
			slot.Scope = Scope{Entity: entityOf(s.scope, n-2)}
		default:
			slot.Scope = Scope{Entity: entityOf(s.scope, n-1)}
			if s.scope[n-1].kind == relSubquery {
				slot.Scope.Relation, slot.Scope.Outer = true, entityOf(s.scope, n-2)
			}
		}
		c.exp.Names = append(c.exp.Names, slot)
	}
}

// entityOf returns the FROM name of query i of the stack, or "".
func entityOf(stack []scopeEntry, i int) string {
	if i < 0 || i >= len(stack) {
		return ""
	}
	if f := stack[i].q.From; f != nil && f.Entity != nil {
		return f.Entity.Name
	}
	return ""
}
