package repl

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/czql/czql/internal/render"
)

// metaFormat sets the result format.
func (s *Session) metaFormat(_ context.Context, arg string) {
	formats := render.Formats()
	if arg == "" {
		s.notef("format is %s", s.format)
		return
	}
	if !slices.Contains(formats, strings.ToLower(arg)) {
		s.errorf("unknown format %q (want %s)", arg, strings.Join(formats, ", "))
		return
	}
	s.format = strings.ToLower(arg)
	s.notef("format is %s", s.format)
}

// metaExpanded sets vertical display: on, off, auto, or a toggle between
// on and off without an argument.
func (s *Session) metaExpanded(_ context.Context, arg string) {
	switch v := strings.ToLower(arg); v {
	case "":
		if s.expanded == "on" {
			s.expanded = "off"
		} else {
			s.expanded = "on"
		}
	case "on", "off", "auto":
		s.expanded = v
	default:
		s.errorf(`\x takes on, off or auto, not %q`, arg)
		return
	}
	s.notef("expanded display is %s", s.expanded)
}

// metaTiming turns timing on or off, or toggles it without an argument.
func (s *Session) metaTiming(_ context.Context, arg string) {
	switch strings.ToLower(arg) {
	case "":
		s.timing = !s.timing
	case "on":
		s.timing = true
	case "off":
		s.timing = false
	default:
		s.errorf(`\timing takes on or off, not %q`, arg)
		return
	}
	state := "off"
	if s.timing {
		state = "on"
	}
	s.notef("timing is %s", state)
}

// metaOutput sends results to the file arg (created or truncated; a
// leading ~ is the home directory), or back to standard output without
// an argument.
func (s *Session) metaOutput(_ context.Context, arg string) {
	if err := s.closeFile(); err != nil {
		s.errorf("closing the output file: %v", err)
	}
	if arg == "" {
		return
	}
	path, err := expandHome(arg)
	if err != nil {
		s.errorf("%v", err)
		return
	}
	f, err := os.Create(path)
	if err != nil {
		s.errorf("%v", err)
		return
	}
	s.file, s.out = f, f
}

// closeFile closes the \o file, if any, and sends results to standard
// output again.
func (s *Session) closeFile() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	s.file, s.out = nil, s.cfg.Stdout
	return err
}
