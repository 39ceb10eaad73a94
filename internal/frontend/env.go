package frontend

import (
	"context"
	"io"
)

// env is what a connection sees of the outside world.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stderr io.Writer
	getenv func(string) string // never nil
}

// lookup returns the value of the environment variable name, or "".
func (e *env) lookup(name string) string { return e.getenv(name) }

// errorf writes "czql: message" on standard error.
func (e *env) errorf(format string, args ...any) { errorf(e.stderr, format, args...) }

// environ returns getenv, or an empty environment when it is nil.
func environ(getenv func(string) string) func(string) string {
	if getenv == nil {
		return func(string) string { return "" }
	}
	return getenv
}

// withoutURL hides CZQL_URL from getenv.
func withoutURL(getenv func(string) string) func(string) string {
	return func(name string) string {
		if name == "CZQL_URL" {
			return ""
		}
		return getenv(name)
	}
}
