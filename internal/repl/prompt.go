package repl

import (
	"net"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/lexer"
)

// The prompts are the variables PROMPT1 (the first line of a statement)
// and PROMPT2 (the lines that continue it), set with \set as in psql.
// Their escapes:
//
//	%n  the user logged in (demo on the embedded sandbox)
//	%m  the API host without its port (sandbox on the embedded sandbox)
//	%M  the API host with its port
//	%R  '=' in PROMPT1; in PROMPT2 '-', or '*' inside a /* comment, or
//	    '(' inside parentheses
//	%%  a '%'
//
// Both default to "%n@%m%R> ", so the two prompts are as wide:
// "demo@sandbox=> " and "demo@sandbox-> ".
const (
	prompt1Var    = "PROMPT1"
	prompt2Var    = "PROMPT2"
	defaultPrompt = "%n@%m%R> "
	// anonymousPrompt is the default of a session that does not know
	// its organisation (a Config without Origin).
	anonymousPrompt = "czql%R> "
)

// defaultPromptFor is the default of PROMPT1 and PROMPT2 for origin.
func defaultPromptFor(origin frontend.Origin) string {
	if origin.User == "" && origin.Host == "" {
		return anonymousPrompt
	}
	return defaultPrompt
}

// prompt returns the prompt for the first line of a statement, or, with
// pending text, for a line that continues it.
func (s *Session) prompt(pending string) string {
	if pending == "" {
		return expandPrompt(s.vars[prompt1Var], s.cfg.Origin, '=')
	}
	return expandPrompt(s.vars[prompt2Var], s.cfg.Origin, continuationMark(pending))
}

// continuationMark is %R of PROMPT2 for the pending text: '*' inside a
// block comment, '(' inside parentheses, '-' otherwise.
func continuationMark(pending string) byte {
	scan := lexer.Scan(pending)
	for _, d := range scan.Diags {
		if d.Code == lexer.CodeUnterminatedComment {
			return '*'
		}
	}
	depth := 0
	for _, tok := range scan.Tokens {
		switch {
		case tok.IsPunct("("):
			depth++
		case tok.IsPunct(")"):
			depth--
		}
	}
	if depth > 0 {
		return '('
	}
	return '-'
}

// expandPrompt replaces the escapes of format (see above); an unknown
// escape is kept as it is.
func expandPrompt(format string, origin frontend.Origin, mark byte) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		i++
		switch format[i] {
		case 'n':
			b.WriteString(origin.User)
		case 'm':
			b.WriteString(hostOnly(origin.Host))
		case 'M':
			b.WriteString(origin.Host)
		case 'R':
			b.WriteByte(mark)
		case '%':
			b.WriteByte('%')
		default:
			b.WriteString(format[i-1 : i+1])
		}
	}
	return b.String()
}

// hostOnly is host without its port.
func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}
