package complete

import (
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
)

// fromNames returns, for the index of each query's SELECT token, the name
// after its FROM, looking past the cursor: "SELECT Na| FROM Task" is a
// query on Task. One pass with a stack of open queries: a query ends at
// the ')' that closes its '(' or at a SELECT at its own level (a new
// statement written without ';'); only a FROM at its own level is its.
func fromNames(toks []tok) map[int]string {
	type open struct{ sel, depth int }
	var stack []open
	names := map[int]string{}
	depth := 0
	for i, t := range toks {
		switch {
		case t.isPunct("("):
			depth++
		case t.isPunct(")"):
			depth--
			for len(stack) > 0 && stack[len(stack)-1].depth > depth {
				stack = stack[:len(stack)-1]
			}
		case t.is(lexer.Reserved, "SELECT"):
			if n := len(stack); n > 0 && stack[n-1].depth == depth {
				stack = stack[:n-1]
			}
			stack = append(stack, open{i, depth})
		case t.is(lexer.Reserved, "FROM") && len(stack) > 0 && stack[len(stack)-1].depth == depth:
			q := stack[len(stack)-1].sel
			if _, done := names[q]; !done && i+1 < len(toks) && toks[i+1].isName() {
				names[q] = toks[i+1].name()
			}
		}
	}
	return names
}

// resolver finds the entities of scopes and field paths.
type resolver struct {
	md    *metadata.Metadata
	toks  []tok
	froms map[int]string // fromNames(toks), computed on first use
}

// fromName returns the FROM name of the query whose SELECT is toks[sel].
func (r *resolver) fromName(sel int) string {
	if r.froms == nil {
		r.froms = fromNames(r.toks)
	}
	return r.froms[sel]
}

// entities returns the entities a scope queries: the FROM entity, or for
// a relation sub-select the target of the outer entity's relation named
// after FROM (the outer entity itself found the same way). Nil when
// unknown.
func (r *resolver) entities(s *scope) []*metadata.Entity {
	if r.md == nil || s == nil {
		return nil
	}
	var chain []*scope // s and its outer relation scopes, innermost first
	for ; s.kind == scopeRelation && s.outer != nil; s = s.outer {
		chain = append(chain, s)
	}
	ents := r.entity(r.fromName(s.start))
	for i := len(chain) - 1; i >= 0; i-- {
		name := r.fromName(chain[i].start)
		if targets := r.relationTargets(ents, name); len(targets) > 0 {
			ents = targets
		} else {
			ents = r.entity(name)
		}
	}
	return ents
}

// entity returns the entity called name as a set of one, or nil.
func (r *resolver) entity(name string) []*metadata.Entity {
	if e := r.md.Entity(name); e != nil {
		return []*metadata.Entity{e}
	}
	return nil
}

// relationTargets returns the entities on the other side of the relation
// called name of any of ents.
func (r *resolver) relationTargets(ents []*metadata.Entity, name string) []*metadata.Entity {
	var out []*metadata.Entity
	for _, e := range ents {
		if rel := e.Relation(name); rel != nil {
			out = r.addEntity(out, rel.RelatedTypeName)
		}
	}
	return out
}

// addEntity appends the entity called name to ents unless it is unknown
// or already there.
func (r *resolver) addEntity(ents []*metadata.Entity, name string) []*metadata.Entity {
	e := r.md.Entity(name)
	if e == nil {
		return ents
	}
	for _, have := range ents {
		if have == e {
			return ents
		}
	}
	return append(ents, e)
}

// follow walks a dot path from ents: each segment is a reference field,
// and the result is the union of the entities its last segment
// references (every target of a field with several).
func (r *resolver) follow(ents []*metadata.Entity, path []string) []*metadata.Entity {
	for _, seg := range path {
		var next []*metadata.Entity
		for _, e := range ents {
			if f := e.Field(seg); f != nil {
				for _, ref := range f.ReferencedEntities {
					next = r.addEntity(next, ref)
				}
			}
		}
		ents = next
	}
	return ents
}

// field returns the field a path names from ents: "State", or
// "Manager.State" through the reference Manager. Nil when unknown.
func (r *resolver) field(ents []*metadata.Entity, path []string) *metadata.Field {
	if len(path) == 0 {
		return nil
	}
	for _, e := range r.follow(ents, path[:len(path)-1]) {
		if f := e.Field(path[len(path)-1]); f != nil {
			return f
		}
	}
	return nil
}
