package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"sort"
	"strings"

	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
)

// Options are the choices of [Generate].
type Options struct {
	// Package is the name of the generated package; it must be a Go
	// identifier.
	Package string
	// Entities names the entities to generate, in any case; nil means
	// every entity of the metadata. A reference to an entity left out
	// gets no typed handles for its target's fields (its Path method
	// remains).
	Entities []string
}

// generator holds the names planned for one Generate call.
type generator struct {
	md       *metadata.Metadata
	top      *namer                  // package-level names
	entities map[string]*entityNames // by lower-case type name
	order    []*entityNames          // sorted by type name
	picks    map[string]*pickList    // by pickKey
	shared   []*pickList             // the pick lists of pick-list entities
}

// entityNames are the Go names of one entity.
type entityNames struct {
	e          *metadata.Entity
	value, typ string
	fields     []*metadata.Field // those with CZQL names, in order
	fieldNames []string          // their struct field names
	picks      []*pickList       // the pick lists of its own fields
}

// Generate returns the Go source of the handles of md's entities: a
// gofmt'ed file of package opts.Package.
func Generate(md *metadata.Metadata, opts Options) ([]byte, error) {
	if !token.IsIdentifier(opts.Package) || opts.Package == "_" {
		return nil, fmt.Errorf("package name %q is not a Go identifier", opts.Package)
	}
	ents, err := selectEntities(md, opts.Entities)
	if err != nil {
		return nil, err
	}
	g := &generator{md: md, top: newNamer(), entities: map[string]*entityNames{}, picks: map[string]*pickList{}}
	g.plan(ents)
	var buf bytes.Buffer
	g.write(&buf, opts.Package)
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse (a bug of czql gen): %v", err)
	}
	return out, nil
}

// selectEntities returns the entities named, or all, sorted by type name.
func selectEntities(md *metadata.Metadata, names []string) ([]*metadata.Entity, error) {
	if names == nil {
		var out []*metadata.Entity
		for _, e := range md.Entities() {
			if lexer.IsName(e.TypeName) {
				out = append(out, e) // no query can name the others
			}
		}
		return out, nil
	}
	var out []*metadata.Entity
	for _, n := range names {
		e := md.Entity(strings.TrimSpace(n))
		if e == nil || !lexer.IsName(e.TypeName) {
			return nil, fmt.Errorf("unknown entity %q", n)
		}
		if !containsEntity(out, e) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TypeName < out[j].TypeName })
	return out, nil
}

func containsEntity(es []*metadata.Entity, e *metadata.Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// plan names every entity first, then each one's types, fields and pick
// lists, so that entity values get their names before anything else.
func (g *generator) plan(ents []*metadata.Entity) {
	for _, e := range ents {
		n := &entityNames{e: e, value: g.top.name(e.TypeName)}
		g.entities[strings.ToLower(e.TypeName)] = n
		g.order = append(g.order, n)
	}
	for _, n := range g.order {
		n.typ = g.top.name(n.value + "Fields")
	}
	for _, n := range g.order {
		fields := newNamer("Entity", "String")
		for _, f := range n.e.AllFields() {
			if !lexer.IsName(f.Name) {
				continue // no query can name it
			}
			n.fields = append(n.fields, f)
			n.fieldNames = append(n.fieldNames, fields.name(f.Name))
			if g.isPickList(n.e, f) {
				g.planPickList(n, f)
			}
		}
	}
}
