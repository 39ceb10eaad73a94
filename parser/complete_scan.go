package parser

import "github.com/czql/czql/lexer"

// cursorStatement reads the tokens of the statement around the cursor
// into p.toks, with a cursor token where the cursor stands: the word
// being typed there, cut at the cursor, or an empty word. The cursor token
// is an Invalid token, which no production accepts, so that every
// production that looks at it notes what it expected. It reports false
// when the cursor stands where nothing can be typed: in a comment, a
// number, a date or a parameter.
func (p *parser) cursorStatement(cursor int, exp *Expected) bool {
	p.comp = &completion{tok: -1, exp: exp}
	src := p.sc.Source()
	var toks []lexer.Token
	end := len(src)
	for {
		t := p.sc.Next()
		if t.IsPunct(";") {
			if t.Start >= cursor {
				end = t.Start
				break
			}
			toks, p.comp.tok = toks[:0], -1
			continue
		}
		if p.comp.tok < 0 && (t.Start >= cursor || t.Kind == lexer.EOF) {
			p.comp.tok = len(toks)
			toks = append(toks, lexer.Token{Kind: lexer.Invalid, Start: cursor})
		}
		if t.Kind == lexer.EOF {
			break
		}
		if p.comp.tok < 0 && t.Start < cursor && cursor <= t.End() {
			word, ok := fragment(t, cursor)
			if !ok {
				return false
			}
			if word {
				exp.Start, exp.Prefix = t.Start, src[t.Start:cursor]
				exp.InString = t.Kind == lexer.String
				p.comp.tok = len(toks)
				toks = append(toks, lexer.Token{Kind: lexer.Invalid, Start: t.Start, Value: exp.Prefix})
				continue
			}
		}
		if t.Kind != lexer.Comment && t.Kind != lexer.Invalid {
			toks = append(toks, t)
		}
	}
	p.toks = append(toks, lexer.Token{Kind: lexer.EOF, Start: end})
	p.startStatement(len(p.sc.Diagnostics()))
	return true
}

// fragment classifies the token t that the cursor is in or at the end
// of: a word being typed (a name, a keyword, a lone '@', an unterminated
// string), or a token after which the cursor starts a new word (a mark, a
// closed string or block comment). ok is false where nothing can be typed.
func fragment(t lexer.Token, cursor int) (word, ok bool) {
	inside := cursor < t.End()
	switch t.Kind {
	case lexer.Ident, lexer.AtIdent, lexer.Keyword, lexer.Reserved:
		return true, true
	case lexer.Invalid:
		return t.Value == "@", t.Value == "@"
	case lexer.String:
		if _, closed := lexer.Unquote(t.Value); closed && !inside {
			return false, true
		}
		return true, true
	case lexer.Comment:
		closed := len(t.Value) >= 4 && t.Value[:2] == "/*" && t.Value[len(t.Value)-2:] == "*/"
		return false, closed && !inside
	case lexer.Number, lexer.Date, lexer.Param:
		return false, false
	}
	return false, !inside
}
