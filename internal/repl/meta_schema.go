package repl

import (
	"context"
	"fmt"
	"github.com/czql/czql"
	"path"
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// needMetadata reports whether there is metadata, complaining when not.
func (s *Session) needMetadata(cmd string) bool {
	if s.Metadata() == nil {
		s.errorf(`\%s: no metadata (see 'czql metadata fetch' or --metadata)`, cmd)
		return false
	}
	return true
}

// metaEntities lists the entity names matching the pattern arg: a glob
// when it has *, ? or [, a substring otherwise; case is ignored. When
// none matches it says so on standard error.
func (s *Session) metaEntities(_ context.Context, arg string) {
	if !s.needMetadata("entities") {
		return
	}
	var b strings.Builder
	for _, name := range s.Metadata().EntityNames() {
		if matchName(arg, name) {
			b.WriteString(name + "\n")
		}
	}
	if b.Len() == 0 {
		s.notef("no entity matches %q", arg)
		return
	}
	s.write(b.String())
}

// matchName reports whether name matches pattern (see metaEntities).
func matchName(pattern, name string) bool {
	p, n := strings.ToLower(pattern), strings.ToLower(name)
	if strings.ContainsAny(p, "*?[") {
		ok, err := path.Match(p, n)
		return ok && err == nil
	}
	return strings.Contains(n, p)
}

// metaDescribe shows the fields and relations of the entity arg.
func (s *Session) metaDescribe(_ context.Context, arg string) {
	if !s.needMetadata("describe") {
		return
	}
	if arg == "" {
		s.errorf(`\describe needs an entity name`)
		return
	}
	ent := s.Metadata().Entity(arg)
	if ent == nil {
		s.errorf("no entity %q in the metadata", arg)
		if names := diag.Suggest(arg, s.Metadata().EntityNames()); len(names) > 0 {
			s.notef("\tdid you mean %q?", names[0])
		}
		return
	}
	s.write(frontend.EntityFields(ent) + relationsText(ent))
}

// relationsText lists the relations of ent: name, related entity and
// label, aligned; "" when it has none.
func relationsText(ent *metadata.Entity) string {
	rels := ent.AllRelations()
	if len(rels) == 0 {
		return ""
	}
	width, typeWidth := 0, 0
	for _, r := range rels {
		width, typeWidth = max(width, len(r.Name)), max(typeWidth, len(r.RelatedTypeName))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nRelations (%d)\n", len(rels))
	for _, r := range rels {
		line := fmt.Sprintf("%-*s  → %-*s  %s", width, r.Name, typeWidth, r.RelatedTypeName, r.Label)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
}

// metaTranslate shows the JSON request of the query arg.
func (s *Session) metaTranslate(_ context.Context, arg string) {
	code := frontend.Translate(s.out, s.cfg.Stderr, stdinName, []byte(arg), false,
		czql.WithMetadata(s.Metadata()), czql.WithConfig(s.cfg.Project), czql.WithParamLiterals(s.params()), czql.WithParamHint(setHint))
	if code != frontend.ExitOK {
		s.failed = true
	}
}

// metaFmt shows the query arg in canonical form.
func (s *Session) metaFmt(_ context.Context, arg string) {
	out, diags := format.Source(stdinName, []byte(arg))
	if out == nil {
		s.failed = true
		frontend.WriteDiags(s.cfg.Stderr, stdinName, []byte(arg), diags)
		return
	}
	s.write(string(out))
}
