package complete

import (
	"strings"

	"github.com/czql/czql/lexer"
)

// tok is one token of the statement around the cursor.
type tok struct {
	kind  lexer.Kind
	start int    // byte offset in the text
	text  string // the token's source text
}

// fragKind says what the cursor is in.
type fragKind int

const (
	fragNone    fragKind = iota // between tokens: complete from an empty word
	fragWord                    // a name or keyword being typed
	fragString                  // an unterminated string literal being typed
	fragComment                 // inside a comment: nothing to complete
	fragOpaque                  // a number, bind parameter, date or invalid input being typed: nothing to complete
)

// fragment is the word before the cursor, the part the items replace.
type fragment struct {
	kind  fragKind
	start int
	tok   tok
}

// statement is the statement around the cursor, as tokens without
// comments and invalid input. A token the cursor splits is cut at the
// cursor and lexed again, so toks[:before] is exactly what lexing the text
// up to the cursor gives.
type statement struct {
	toks       []tok
	before     int // toks[:before] end at or before the cursor
	structural int // toks[:structural] precede the fragment: they set the context
	frag       fragment
}

// splitStatement lexes text and returns the statement that holds cursor:
// the tokens after the last ';' before the cursor up to the first ';'
// after it. Lexing from the start keeps ';' in strings and comments out.
func splitStatement(text string, cursor int) statement {
	var st statement
	var last tok // the last token, comments included, ending at the cursor
	hasLast := false
	sc := lexer.NewScanner("", text)
	for {
		t := sc.Next()
		if t.EOF() {
			break
		}
		start, end := t.Pos.Offset, t.Pos.Offset+len(t.Value)
		if start < 0 || end > len(text) { // never for a sane scanner; stay safe
			break
		}
		if isSemicolon(t.Type, t.Value) {
			if start >= cursor {
				break
			}
			st.toks, st.before, hasLast = st.toks[:0], 0, false
			continue
		}
		switch {
		case end <= cursor:
			st.addBefore(tok{kind: t.Type, start: start, text: t.Value})
			last, hasLast = tok{kind: t.Type, start: start, text: t.Value}, end == cursor
		case start < cursor:
			for _, c := range relex(text[start:cursor], start) {
				st.addBefore(c)
				last, hasLast = c, c.start+len(c.text) == cursor
			}
		default:
			st.addAfter(tok{kind: t.Type, start: start, text: t.Value})
		}
	}
	st.structural = st.before
	if hasLast {
		st.frag = fragmentOf(last)
		if st.frag.kind != fragNone && isStructural(last) {
			st.structural-- // the fragment is being typed: it is no context
		}
	}
	return st
}

// relex lexes the part of a token before the cursor, for a cursor inside
// a token: "Na" of "Name", "'In Pr" of "'In Progress'".
func relex(part string, offset int) []tok {
	var out []tok
	sc := lexer.NewScanner("", part)
	for {
		t := sc.Next()
		if t.EOF() {
			return out
		}
		out = append(out, tok{kind: t.Type, start: offset + t.Pos.Offset, text: t.Value})
	}
}

// isStructural reports whether t is kept in the statement's tokens:
// comments and invalid input are not, except a lone '@', which may start
// the escaped name being typed.
func isStructural(t tok) bool {
	return t.kind != lexer.Comment && (t.kind != lexer.Invalid || t.isLoneAt())
}

// addBefore appends a token before the cursor.
func (st *statement) addBefore(t tok) {
	if !isStructural(t) {
		return
	}
	st.toks = append(st.toks, t)
	st.before = len(st.toks)
}

// addAfter appends a token after the cursor (used to find FROM ahead).
func (st *statement) addAfter(t tok) {
	if !isStructural(t) {
		return
	}
	st.toks = append(st.toks, t)
}

// fragmentOf classifies the token that ends at the cursor.
func fragmentOf(t tok) fragment {
	f := fragment{start: t.start, tok: t}
	switch t.kind {
	case lexer.Ident, lexer.AtIdent, lexer.Keyword, lexer.Reserved:
		f.kind = fragWord
	case lexer.Invalid:
		f.kind = fragOpaque // input that forms no token: nothing fits
		if t.isLoneAt() {
			f.kind = fragWord
		}
	case lexer.String:
		if _, ok := lexer.Unquote(t.text); !ok {
			f.kind = fragString
		}
	case lexer.Param, lexer.Date, lexer.Number:
		f.kind = fragOpaque
	case lexer.Comment:
		if !isClosedBlockComment(t.text) {
			f.kind = fragComment
		}
	}
	return f
}

// isClosedBlockComment reports whether c is a terminated /* … */ comment;
// the cursor after it is outside the comment.
func isClosedBlockComment(c string) bool {
	return len(c) >= 4 && strings.HasPrefix(c, "/*") && strings.HasSuffix(c, "*/")
}

// isSemicolon reports whether a token separates statements.
func isSemicolon(k lexer.Kind, v string) bool {
	return k == lexer.Punct && v == ";"
}

// is reports whether t is the punctuation, operator or word w (words
// compared case-insensitively).
func (t tok) is(k lexer.Kind, w string) bool {
	return t.kind == k && strings.EqualFold(t.text, w)
}

// isPunct reports whether t is the punctuation p.
func (t tok) isPunct(p string) bool { return t.kind == lexer.Punct && t.text == p }

// isNameish reports whether t can be a path segment after a '.': any name,
// keyword or reserved word.
func (t tok) isNameish() bool {
	switch t.kind {
	case lexer.Ident, lexer.AtIdent, lexer.Keyword, lexer.Reserved:
		return true
	}
	return false
}

// isName reports whether t can start a field reference: an identifier, an
// @-escaped name or a non-reserved keyword.
func (t tok) isName() bool {
	return t.kind == lexer.Ident || t.kind == lexer.AtIdent || t.kind == lexer.Keyword
}

// name returns the name t stands for, without the @ escape.
func (t tok) name() string {
	if t.isEscaped() {
		return t.text[1:]
	}
	return t.text
}

// isEscaped reports whether t is an @name or a lone '@' being typed.
func (t tok) isEscaped() bool {
	return t.kind == lexer.AtIdent || t.isLoneAt()
}

// isLoneAt reports whether t is a '@' not (yet) followed by a name.
func (t tok) isLoneAt() bool { return t.kind == lexer.Invalid && t.text == "@" }

// isLiteral reports whether t can be a literal operand. Bare identifiers
// count too, so that an unquoted value does not derail the context.
func (t tok) isLiteral() bool {
	switch t.kind {
	case lexer.String, lexer.Number, lexer.Date, lexer.Param, lexer.Ident:
		return true
	case lexer.Keyword:
		return t.is(lexer.Keyword, "TRUE") || t.is(lexer.Keyword, "FALSE") || t.is(lexer.Keyword, "NULL")
	}
	return false
}
