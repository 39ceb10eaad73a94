package format

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// maxWidth is the column budget: a construct is kept on one line only when
// it ends within this many columns.
const maxWidth = 80

// indentStep is the indentation of a continuation line, a broken list's
// items and a sub-query block, relative to the line they belong to.
const indentStep = 4

// wsKind is the whitespace the layout asked for before the next token.
type wsKind int

const (
	wsNone    wsKind = iota // nothing: `(` `.` `,` neighbours
	wsSpace                 // one space
	wsNewline               // a line break, then wsIndent spaces
)

// printer writes tokens, interleaving comments by source offset.
//
// Whitespace is requested (space, newline) and only written when the next
// token comes, after the comments that precede that token in the source:
// a comment that followed the previous token on its source line is written
// at the end of the current output line, any other comment on its own line.
// A `--` comment always ends its line; the text after it continues on a new
// line at the continuation indent.
type printer struct {
	buf []byte

	comments []*ast.Comment
	next     int // index of the next comment to write

	col       int  // column (in runes) after the last byte written
	lineStart bool // nothing written yet on the current line
	indent    int  // indentation of the current line, written lazily
	cont      int  // indentation of lines that comments force mid-construct

	ws       wsKind
	wsIndent int

	lastLine   int  // source line where the last token or comment ended
	afterBlock bool // the last thing written is a trailing block comment

	topLevel   bool // between statements: blank lines may be kept
	forceBlank bool // the next top-level line must follow a blank line

	flushed bool // lines were written out already (see flushLines)

	limit  int              // the column budget, maxWidth but in tests
	widths map[ast.Node]int // memoized one-line widths

	err error // the first unprintable node met
}

// newPrinter returns a printer that interleaves comments, which must be in
// source order.
func newPrinter(comments []*ast.Comment) *printer {
	return &printer{comments: comments, lineStart: true, cont: indentStep, topLevel: true, limit: maxWidth}
}

// errorf records the first error met; printing goes on best effort.
func (p *printer) errorf(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("format: "+format, args...)
	}
}

// space asks for a space before the next token, unless a newline is
// already pending.
func (p *printer) space() {
	if p.ws == wsNone {
		p.ws = wsSpace
	}
}

// newline asks for a line break before the next token, which will be
// indented by indent spaces.
func (p *printer) newline(indent int) {
	p.ws, p.wsIndent = wsNewline, indent
}

// token writes a token that starts the source range r, after the comments
// that come before r. An invalid r (a hand-built tree) writes no comment.
func (p *printer) token(text string, r diag.Range) {
	if r.Start.IsValid() {
		p.flushBefore(r.Start.Offset)
	}
	p.applyWS(r.Start.Line)
	p.write(text)
	p.topLevel = false
	if r.End.IsValid() {
		p.lastLine = r.End.Line
	}
}

// punct writes text that has no source position of its own: commas, dots,
// `(` after an aggregate name, AS. Comments before it wait for the next
// token.
func (p *printer) punct(text string) {
	p.applyWS(0)
	p.write(text)
}

// applyWS writes the pending whitespace before a token on source line
// line (0 when unknown).
func (p *printer) applyWS(line int) {
	ws := p.ws
	p.ws = wsNone
	switch {
	case ws == wsNewline:
		if !p.lineStart {
			p.breakLine()
		}
		if p.blankBefore(line) {
			p.breakLine()
		}
		p.indent, p.cont = p.wsIndent, p.wsIndent+indentStep
	case p.lineStart:
	case ws == wsSpace || p.afterBlock:
		p.write(" ")
	}
	p.afterBlock = false
}

// blankBefore reports whether a blank line goes before a top-level line
// that starts on source line line, and consumes forceBlank.
func (p *printer) blankBefore(line int) bool {
	if !p.topLevel || (len(p.buf) == 0 && !p.flushed) {
		return false
	}
	blank := p.forceBlank || line > p.lastLine+1 && p.lastLine > 0
	p.forceBlank = false
	return blank
}

// breakLine ends the current line.
func (p *printer) breakLine() {
	p.buf = append(p.buf, '\n')
	p.col, p.lineStart = 0, true
}

// write appends text, indenting first at the start of a line.
func (p *printer) write(text string) {
	if text == "" {
		return
	}
	if p.lineStart {
		for range p.indent {
			p.buf = append(p.buf, ' ')
		}
		p.col, p.lineStart = p.indent, false
	}
	p.buf = append(p.buf, text...)
	if nl := strings.LastIndexByte(text, '\n'); nl >= 0 {
		p.col = utf8.RuneCountInString(text[nl+1:])
	} else {
		p.col += utf8.RuneCountInString(text)
	}
}

// addComments adds the comments read with the next statement, dropping
// those already written.
func (p *printer) addComments(cs []*ast.Comment) {
	if p.next > 0 {
		p.comments = append(p.comments[:0], p.comments[p.next:]...)
		p.next = 0
	}
	p.comments = append(p.comments, cs...)
}

// flushLines writes the finished lines of the output to w and forgets
// them, with the widths measured for the statement printed: between two
// statements the printer keeps only the current line.
func (p *printer) flushLines(w io.Writer) error {
	clear(p.widths)
	nl := bytes.LastIndexByte(p.buf, '\n')
	if nl < 0 || p.err != nil {
		return p.err
	}
	if _, err := w.Write(p.buf[:nl+1]); err != nil {
		return err
	}
	p.buf = append(p.buf[:0], p.buf[nl+1:]...)
	p.flushed = true
	return nil
}

// flushBefore writes every comment that starts before offset off.
func (p *printer) flushBefore(off int) {
	for p.next < len(p.comments) && p.comments[p.next].Rng.Start.Offset < off {
		p.comment(p.comments[p.next])
		p.next++
	}
}

// flushAll writes the remaining comments.
func (p *printer) flushAll() {
	for p.next < len(p.comments) {
		p.comment(p.comments[p.next])
		p.next++
	}
}

// comment writes c at the end of the current line when it followed the
// previous token on its source line, and on a line of its own otherwise.
// Only a trailing block comment lets the line go on after it.
func (p *printer) comment(c *ast.Comment) {
	text, line := commentText(c.Text)
	trailing := !p.lineStart && p.lastLine > 0 && c.Rng.Start.Line == p.lastLine
	if trailing {
		p.write(" ")
	} else {
		if !p.lineStart {
			p.breakLine()
		}
		if p.blankBefore(c.Rng.Start.Line) {
			p.breakLine()
		}
		p.indent = p.pendingIndent()
	}
	p.write(text)
	p.lastLine = c.Rng.End.Line
	p.afterBlock = trailing && !line
	if !p.afterBlock {
		p.breakLine()
		p.indent = p.pendingIndent()
	}
}

// pendingIndent returns the indentation of a line that a comment starts:
// that of the pending newline if any, else the continuation indent (or 0
// between statements).
func (p *printer) pendingIndent() int {
	switch {
	case p.ws == wsNewline:
		return p.wsIndent
	case p.topLevel:
		return 0
	}
	return p.cont
}

// commentText returns a comment's text as printed: line endings as LF and
// a line comment without trailing blanks. line reports a `--` comment.
func commentText(text string) (string, bool) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if strings.HasPrefix(text, "--") {
		return strings.TrimRight(text, " \t\r\f"), true
	}
	return text, false
}

// nextCol returns the column the next token will start at.
func (p *printer) nextCol() int {
	switch {
	case p.ws == wsNewline:
		return p.wsIndent
	case p.lineStart:
		return p.indent
	case p.ws == wsSpace || p.afterBlock:
		return p.col + 1
	}
	return p.col
}

// hasComments reports whether a comment starts inside r.
func (p *printer) hasComments(r diag.Range) bool {
	if !r.IsValid() {
		return false
	}
	for _, c := range p.comments[p.next:] {
		off := c.Rng.Start.Offset
		if off >= r.End.Offset {
			return false
		}
		if off >= r.Start.Offset {
			return true
		}
	}
	return false
}

// fits reports whether n can be written on one line from the next column,
// followed by tail more columns: it holds no comment and ends within
// the column budget.
func (p *printer) fits(n ast.Node, tail int) bool {
	if p.hasComments(n.Range()) {
		return false
	}
	return p.nextCol()+p.width(n)+tail <= p.limit
}
