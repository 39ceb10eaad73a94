package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/metadata"
)

// resolver fills an [Info] for one top-level query.
type resolver struct {
	md   *metadata.Metadata
	info *Info
}

// resolve returns the Info of q against md; with a nil md or q it is empty.
func resolve(q *ast.Query, md *metadata.Metadata) *Info {
	info := &Info{
		Entities:  map[*ast.Query]*metadata.Entity{},
		Relations: map[*ast.RelationQuery]*metadata.Relation{},
		Fields:    map[*ast.FieldRef]*FieldInfo{},
		Aliases:   map[string]*ast.AggregateExpr{},
		Canonical: map[*ast.Ident]string{},
	}
	if q == nil {
		return info
	}
	r := &resolver{md: md, info: info}
	r.query(q, r.fromEntity(q))
	return info
}

// fromEntity looks up the FROM entity of q.
func (r *resolver) fromEntity(q *ast.Query) *metadata.Entity {
	if r.md == nil || q.From == nil || q.From.Entity == nil {
		return nil
	}
	e := r.md.Entity(q.From.Entity.Name)
	if e != nil {
		r.info.Canonical[q.From.Entity] = e.TypeName
	}
	return e
}

// query resolves the clauses of q, which reads ent (nil when unknown).
func (r *resolver) query(q *ast.Query, ent *metadata.Entity) {
	if ent != nil {
		r.info.Entities[q] = ent
	}
	aliases := r.selectList(q, ent)
	if q.Where != nil {
		r.cond(q.Where.Cond, ent)
	}
	if q.GroupBy != nil {
		for _, f := range q.GroupBy.Fields {
			r.field(f, ent)
		}
	}
	if q.OrderBy != nil {
		for _, it := range q.OrderBy.Items {
			if it != nil {
				r.orderField(it.Field, ent, aliases)
			}
		}
	}
}

// selectList resolves the SELECT items of q and returns its aliases.
func (r *resolver) selectList(q *ast.Query, ent *metadata.Entity) map[string]*ast.AggregateExpr {
	aliases := map[string]*ast.AggregateExpr{}
	if q.Select == nil {
		return aliases
	}
	for _, it := range q.Select.Items {
		switch it := it.(type) {
		case *ast.FieldRef:
			r.field(it, ent)
		case *ast.AggregateExpr:
			if it == nil {
				continue
			}
			r.field(it.Arg, ent)
			if it.Alias != nil {
				key := strings.ToLower(it.Alias.Name)
				if _, dup := aliases[key]; !dup {
					aliases[key] = it
				}
				if _, dup := r.info.Aliases[key]; !dup {
					r.info.Aliases[key] = it
				}
			}
		case *ast.RelationQuery:
			r.relation(it, ent)
		}
	}
	return aliases
}

// orderField resolves an ORDER BY field, which may name an alias.
func (r *resolver) orderField(f *ast.FieldRef, ent *metadata.Entity, aliases map[string]*ast.AggregateExpr) {
	if f == nil || len(f.Segments) != 1 || f.Segments[0] == nil {
		r.field(f, ent)
		return
	}
	if a, ok := aliases[strings.ToLower(f.Segments[0].Name)]; ok {
		r.info.Fields[f] = &FieldInfo{Ref: f, Entity: ent, Segments: make([]*metadata.Field, 1), Alias: a}
		r.info.Canonical[f.Segments[0]] = a.Alias.Name
		return
	}
	r.field(f, ent)
}

// relation resolves a relation sub-select of ent.
func (r *resolver) relation(rq *ast.RelationQuery, ent *metadata.Entity) {
	if rq == nil || rq.Query == nil {
		return
	}
	var related *metadata.Entity
	if from := rq.Query.From; ent != nil && from != nil && from.Entity != nil {
		if rel := ent.Relation(from.Entity.Name); rel != nil {
			r.info.Relations[rq] = rel
			r.info.Canonical[from.Entity] = rel.Name
			related = r.md.Entity(rel.RelatedTypeName)
		}
	}
	r.query(rq.Query, related)
}

// cond resolves the fields of a condition and its IN sub-queries.
func (r *resolver) cond(e ast.Expr, ent *metadata.Entity) {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e != nil {
			r.cond(e.X, ent)
			r.cond(e.Y, ent)
		}
	case *ast.NotExpr:
		if e != nil {
			r.cond(e.X, ent)
		}
	case *ast.ParenExpr:
		if e != nil {
			r.cond(e.X, ent)
		}
	case *ast.CompareExpr:
		if e != nil {
			r.field(e.X, ent)
		}
	case *ast.LikeExpr:
		if e != nil {
			r.field(e.X, ent)
		}
	case *ast.InExpr:
		if e != nil {
			r.field(e.X, ent)
			if e.Query != nil {
				r.query(e.Query, r.fromEntity(e.Query))
			}
		}
	}
}
