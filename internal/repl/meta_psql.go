package repl

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// metaInclude runs the statements and meta-commands of the file arg, as
// if they were typed (\i FILE); a leading ~ is the home directory.
func (s *Session) metaInclude(ctx context.Context, arg string) {
	if arg == "" {
		s.errorf(`\i needs a file name`)
		return
	}
	f, err := os.Open(includePath(arg))
	if err != nil {
		s.errorf(`\i: %v`, err)
		return
	}
	defer f.Close()
	if err := s.RunScript(ctx, f); err != nil && ctx.Err() == nil {
		s.errorf(`\i: reading %s: %v`, arg, err)
	}
}

// includePath is path with a leading ~ or ~/ replaced by the home
// directory.
func includePath(path string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, strings.TrimPrefix(path[1:], "/"))
}

// metaWatch runs the last statement again every arg seconds (2 by
// default) until ctx ends (Ctrl+C) or it fails.
func (s *Session) metaWatch(ctx context.Context, arg string) {
	every := 2 * time.Second
	if arg != "" {
		secs, err := strconv.ParseFloat(arg, 64)
		if err != nil || secs <= 0 {
			s.errorf(`\watch takes a number of seconds above 0, not %q`, arg)
			return
		}
		every = time.Duration(secs * float64(time.Second))
	}
	if s.last == "" {
		s.errorf(`\watch: there is no statement to run again`)
		return
	}
	stmt := s.last
	for ctx.Err() == nil {
		s.notef("%s (every %s; Ctrl+C stops)", s.now().Format("2006-01-02 15:04:05"), every)
		failed := s.failed
		s.failed = false
		s.ExecStatement(ctx, stmt)
		if s.failed || ctx.Err() != nil {
			return
		}
		s.failed = failed
		select {
		case <-ctx.Done():
		case <-time.After(every):
		}
	}
}
