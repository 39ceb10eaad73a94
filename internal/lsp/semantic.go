package lsp

import (
	"encoding/json"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
)

// The semantic token types, by their index in the legend.
const (
	tokKeyword  = iota
	tokType     // an entity
	tokProperty // a field or a relation
	tokFunction // an aggregate
	tokString
	tokNumber // numbers, and dates with the date modifier
	tokParameter
	tokComment
	tokOperator
	tokVariable // an aggregate's alias
)

// modDate is the modifier of a date or date-time token (a number).
const modDate = 1 << 0

// legend returns the legend of the server's semantic tokens.
func legend() SemanticTokensLegend {
	return SemanticTokensLegend{
		TokenTypes:     []string{"keyword", "type", "property", "function", "string", "number", "parameter", "comment", "operator", "variable"},
		TokenModifiers: []string{"date"},
	}
}

// semanticTokens answers textDocument/semanticTokens/full: the lexer's
// tokens, with names told apart by the parse (entities, fields and
// relations, aggregates, aliases).
func (s *server) semanticTokens(params json.RawMessage) (any, error) {
	p, err := decode[SemanticTokensParams](params)
	if err != nil {
		return nil, err
	}
	_, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	multiline := s.client.multilineTokens
	s.mu.Unlock()
	names := nameTypes(snap.text)
	enc := tokenEncoder{lines: snap.lines, multiline: multiline}
	sc := lexer.NewScanner(snap.text)
	for t := sc.Next(); t.Kind != lexer.EOF; t = sc.Next() {
		if typ, mods, ok := tokenType(t, names); ok {
			enc.add(t.Start, t.End(), typ, mods)
		}
	}
	return SemanticTokens{Data: enc.data}, nil
}

// tokenType returns the type and modifiers of a token, and false for one
// without (punctuation, invalid input).
func tokenType(t lexer.Token, names map[int]int) (int, int, bool) {
	if typ, ok := names[t.Start]; ok && (t.IsName() || t.Kind == lexer.Reserved) {
		return typ, 0, true
	}
	switch t.Kind {
	case lexer.Reserved, lexer.Keyword:
		return tokKeyword, 0, true
	case lexer.Ident, lexer.AtIdent:
		return tokProperty, 0, true
	case lexer.String:
		return tokString, 0, true
	case lexer.Number:
		return tokNumber, 0, true
	case lexer.Date:
		return tokNumber, modDate, true
	case lexer.Param:
		return tokParameter, 0, true
	case lexer.Comment:
		return tokComment, 0, true
	case lexer.Operator:
		return tokOperator, 0, true
	}
	return 0, 0, false
}

// nameTypes returns the token type of each name of text by the byte
// offset where it starts: the entity after FROM, a relation after FROM in
// a relation sub-select, field path segments, aggregates and aliases.
func nameTypes(text string) map[int]int {
	f, _ := parser.ParseFile("", []byte(text))
	out := map[int]int{}
	relFrom := map[*ast.FromClause]bool{}
	set := func(id *ast.Ident, typ int) {
		if id != nil && id.Rng.IsValid() {
			out[id.Rng.Start.Offset] = typ
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RelationQuery:
			if n.Query != nil {
				relFrom[n.Query.From] = true
			}
		case *ast.FromClause:
			if relFrom[n] {
				set(n.Entity, tokProperty)
			} else {
				set(n.Entity, tokType)
			}
		case *ast.FieldRef:
			for _, seg := range n.Segments {
				set(seg, tokProperty)
			}
		case *ast.AggregateExpr:
			if n.FuncRng.IsValid() {
				out[n.FuncRng.Start.Offset] = tokFunction
			}
			set(n.Alias, tokVariable)
		}
		return true
	})
	return out
}

// tokenEncoder writes tokens in the relative encoding of the protocol.
type tokenEncoder struct {
	lines      *lineIndex
	multiline  bool
	data       []uint32
	line, char uint32 // the start of the previous token
}

// add adds the token at the byte span [start, end); without multiline
// support a token that spans lines is cut into one token a line.
func (e *tokenEncoder) add(start, end, typ, mods int) {
	text := e.lines.text[start:end]
	if e.multiline || !strings.ContainsAny(text, "\r\n") {
		e.put(start, end, typ, mods)
		return
	}
	for start < end {
		pos := e.lines.position(start)
		lineEnd := min(e.lines.lineEnd(int(pos.Line)), end)
		if lineEnd > start {
			e.put(start, lineEnd, typ, mods)
		}
		if int(pos.Line)+1 >= len(e.lines.starts) {
			return
		}
		start = e.lines.starts[pos.Line+1]
	}
}

// put adds one token that does not span lines (or may, with multiline
// support).
func (e *tokenEncoder) put(start, end, typ, mods int) {
	pos := e.lines.position(start)
	length := e.lines.units(e.lines.text[start:end])
	dl, dc := pos.Line-e.line, pos.Character
	if dl == 0 {
		dc -= e.char
	}
	e.data = append(e.data, dl, dc, uint32(length), uint32(typ), uint32(mods))
	e.line, e.char = pos.Line, pos.Character
}
