package repl

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/translate"
)

// Session variables, as psql's: \set NAME VALUE sets one, \unset NAME
// removes it, \set alone lists them. A variable is the value of the bind
// parameter :NAME in the statements and \translate, typed as czql run -p
// types it (5 a number, 'x' a string, 2024-01-01 a date, a bare word a
// string). PROMPT1 and PROMPT2 are the prompts (see prompt.go); they are
// not parameters, and one pair of quotes around their value is dropped
// so that a trailing blank can be kept: \set PROMPT1 '%n=> '.

// metaSet sets a variable, or lists them without an argument.
func (s *Session) metaSet(_ context.Context, arg string) {
	if arg == "" {
		s.write(s.listVars())
		return
	}
	name, value, _ := strings.Cut(arg, " ")
	s.setVar(name, strings.TrimSpace(value))
}

// setVar sets the variable name to value, reporting a bad name; it
// reports whether it did.
func (s *Session) setVar(name, value string) bool {
	if !isVarName(name) {
		s.errorf(`\set: bad variable name %q (letters, digits and '_')`, name)
		return false
	}
	if isPromptVar(name) {
		value = unquote(value)
	}
	s.vars[name] = value
	return true
}

// metaUnset removes a variable; PROMPT1 and PROMPT2 go back to their
// default.
func (s *Session) metaUnset(_ context.Context, arg string) {
	if !isVarName(arg) {
		s.errorf(`\unset needs a variable name, not %q`, arg)
		return
	}
	if isPromptVar(arg) {
		s.vars[arg] = defaultPromptFor(s.cfg.Origin)
		return
	}
	delete(s.vars, arg)
}

// setFlagVars sets the variables of --set NAME=VALUE pairs, reporting
// the first bad one.
func (s *Session) setFlagVars(pairs []string) bool {
	for _, pair := range pairs {
		name, value, ok := strings.Cut(pair, "=")
		if !ok {
			s.errorf("--set %q: want NAME=VALUE", pair)
			return false
		}
		if !s.setVar(name, value) {
			return false
		}
	}
	return true
}

// listVars is the \set listing: NAME = 'value', sorted by name.
func (s *Session) listVars() string {
	names := make([]string, 0, len(s.vars))
	for name := range s.vars {
		names = append(names, name)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%s = '%s'\n", name, strings.ReplaceAll(s.vars[name], "'", "''"))
	}
	return b.String()
}

// params returns the variables other than the prompts as bind parameter
// values.
func (s *Session) params() map[string]ast.Literal {
	var pairs []string
	for name, value := range s.vars {
		if !isPromptVar(name) {
			pairs = append(pairs, name+"="+value)
		}
	}
	params, err := translate.ParseParams(pairs)
	if err != nil { // names are checked by setVar
		return nil
	}
	return params
}

// isPromptVar reports whether name is PROMPT1 or PROMPT2.
func isPromptVar(name string) bool { return name == prompt1Var || name == prompt2Var }

// isVarName reports whether name is a variable name: letters, digits
// and '_', not starting with a digit.
func isVarName(name string) bool {
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for _, r := range name {
		if r != '_' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// unquote drops one pair of single or double quotes around value.
func unquote(value string) string {
	if len(value) >= 2 && (value[0] == '\'' || value[0] == '"') && value[len(value)-1] == value[0] {
		return value[1 : len(value)-1]
	}
	return value
}

// setHint tells, in the message of a bind parameter without a value, how
// to give one in the shell.
func setHint(name string) string { return `set it with \set ` + name + " VALUE" }
