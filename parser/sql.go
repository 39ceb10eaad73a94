package parser

import (
	"strings"

	"github.com/czql/czql/lexer"
)

// sqlOnly reports, at the cursor, SQL that CZQL lacks and that stands
// where a clause could start: HAVING and JOIN.
func (p *parser) sqlOnly() bool {
	t := p.peek()
	switch {
	case t.IsWord("HAVING"):
		p.unsupported(p.i, p.rng(t), "HAVING is not supported in CZQL",
			"CZQL cannot filter groups; filter the rows with WHERE before they are grouped.")
	case t.Kind == lexer.Ident && isJoin(t.Value, p.peekAt(1).Value):
		p.unsupported(p.i, p.rng(t), "JOIN is not supported in CZQL",
			"Select fields of a referenced entity with a dot path such as Manager.Name, "+
				"or related entities with a relation sub-select such as (SELECT Name FROM Resources).")
	default:
		return false
	}
	return true
}

// isJoin reports whether the words w and then n start a SQL join.
func isJoin(w, n string) bool {
	if strings.EqualFold(w, "JOIN") {
		return true
	}
	for _, kind := range []string{"LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS"} {
		if strings.EqualFold(w, kind) && (strings.EqualFold(n, "JOIN") || strings.EqualFold(n, "OUTER")) {
			return true
		}
	}
	return false
}

// misplacedComma reports a comma after FROM's entity or a LIMIT value.
func (p *parser) misplacedComma() bool {
	if !p.peek().IsPunct(",") {
		return false
	}
	r := p.rngAt(p.i)
	switch c := p.clause; c {
	case lexer.From:
		p.unsupported(p.i, r, "FROM takes one entity: joins are not supported in CZQL",
			"Select fields of a referenced entity with a dot path such as Manager.Name.")
	case lexer.Limit, lexer.Offset:
		p.failf(p.i, r, "in "+c.String()+" clause: "+c.String()+" takes one value; write LIMIT count OFFSET start")
	default:
		return false
	}
	return true
}
