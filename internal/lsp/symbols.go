package lsp

import (
	"encoding/json"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// documentSymbols answers textDocument/documentSymbol: one symbol a
// statement, named by its entity, with a child a clause; a client without
// hierarchical symbols gets the statements alone.
func (s *server) documentSymbols(params json.RawMessage) (any, error) {
	p, err := decode[DocumentSymbolParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	hierarchical := s.client.hierarchicalSymbols
	s.mu.Unlock()
	stmts := statements(snap.text, nil)
	if !hierarchical {
		flat := make([]SymbolInformation, len(stmts))
		for i, st := range stmts {
			flat[i] = SymbolInformation{Name: statementName(st.q), Kind: symbolKindStruct, Location: Location{URI: d.uri, Range: snap.lines.rangeOf(st.start, st.semi)}}
		}
		return flat, nil
	}
	out := make([]DocumentSymbol, len(stmts))
	for i, st := range stmts {
		out[i] = statementSymbol(snap.lines, st)
	}
	return out, nil
}

// statementName names a statement by the entity after its FROM.
func statementName(q *ast.Query) string {
	if q.From != nil && q.From.Entity != nil && q.From.Entity.Name != "" {
		return q.From.Entity.Name
	}
	return "(no FROM)"
}

// statementSymbol is the symbol of one statement and its clauses.
func statementSymbol(lines *lineIndex, st stmt) DocumentSymbol {
	sym := DocumentSymbol{Name: statementName(st.q), Detail: "SELECT", Kind: symbolKindStruct, Range: lines.rangeOf(st.start, st.semi)}
	sym.SelectionRange = sym.Range
	if st.q.From != nil && st.q.From.Entity != nil && st.q.From.Entity.Rng.IsValid() {
		r := st.q.From.Entity.Rng
		sym.SelectionRange = lines.rangeOf(r.Start.Offset, r.End.Offset)
	}
	for _, c := range clauses(st.q) {
		r, kw := c.node.Range(), c.keyword
		if !r.IsValid() || !kw.IsValid() {
			continue
		}
		sym.Children = append(sym.Children, DocumentSymbol{
			Name: c.name, Kind: symbolKindProperty,
			Range: lines.rangeOf(r.Start.Offset, r.End.Offset), SelectionRange: lines.rangeOf(kw.Start.Offset, kw.End.Offset),
		})
	}
	return sym
}

// clause is one clause of a query, for its symbol.
type clause struct {
	name    string
	keyword diag.Range
	node    ast.Node
}

// clauses returns the clauses a query has, in order.
func clauses(q *ast.Query) []clause {
	var out []clause
	if q.Select != nil {
		out = append(out, clause{"SELECT", q.Select.Keyword, q.Select})
	}
	if q.From != nil {
		out = append(out, clause{"FROM", q.From.Keyword, q.From})
	}
	if q.Where != nil {
		out = append(out, clause{"WHERE", q.Where.Keyword, q.Where})
	}
	if q.GroupBy != nil {
		out = append(out, clause{"GROUP BY", q.GroupBy.Keyword, q.GroupBy})
	}
	if q.OrderBy != nil {
		out = append(out, clause{"ORDER BY", q.OrderBy.Keyword, q.OrderBy})
	}
	if q.Limit != nil {
		out = append(out, clause{"LIMIT", q.Limit.Keyword, q.Limit})
	}
	if q.Offset != nil {
		out = append(out, clause{"OFFSET", q.Offset.Keyword, q.Offset})
	}
	return out
}
