package repl

import (
	"context"
	"os/exec"
	"strings"

	"github.com/czql/czql/internal/render"
)

// defaultPager is the pager without PAGER (or CZQL_PAGER): less that
// chops long lines instead of folding them (-S), passes colours (-R),
// leaves the screen as it is when it quits (-X) and quits at once when
// the text fits one screen (-F).
const defaultPager = "less -SRXF"

// pagerCommand is the pager of an interactive session: CZQL_PAGER, else
// PAGER, else less -SRXF.
func pagerCommand(getenv func(string) string) string {
	for _, name := range []string{"CZQL_PAGER", "PAGER"} {
		if cmd := strings.TrimSpace(getenv(name)); cmd != "" {
			return cmd
		}
	}
	return defaultPager
}

// pages reports whether text is to go through the pager: the pager is on,
// results go to the terminal (not to a \o file), and text has more lines
// than the screen leaves (a line is kept for the footer and one for the
// prompt) or a line wider than the screen.
func (s *Session) pages(text string) bool {
	if !s.paging || s.cfg.PagerCommand == "" || s.cfg.Height == nil || s.file != nil {
		return false
	}
	height := s.cfg.Height()
	if height <= 0 {
		return false
	}
	lines := strings.Count(text, "\n")
	return lines > height-2 || s.width() > 0 && maxWidth(text) > s.width()
}

// maxWidth is the display width of the widest line of text.
func maxWidth(text string) int {
	w := 0
	for line := range strings.Lines(text) {
		w = max(w, render.DisplayWidth(strings.TrimSuffix(line, "\n")))
	}
	return w
}

// page shows text through the pager command (run by sh -c, on the
// terminal); when it cannot be started text is written as it is, with a
// note, and the pager is turned off.
func (s *Session) page(text string) error {
	cmd := exec.Command("sh", "-c", s.cfg.PagerCommand)
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = s.cfg.Stdout, s.cfg.Stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); ok {
			return nil // the pager ran; quitting it early is no failure
		}
		s.paging = false
		s.notef(`czql-repl: the pager %q failed: %v (\pager on tries again)`, s.cfg.PagerCommand, err)
		_, err := s.out.Write([]byte(text))
		return err
	}
	return nil
}

// writeResult writes the text of a result: through the pager when it
// does not fit the screen (see pages), else as it is.
func (s *Session) writeResult(text []byte) error {
	if s.pages(string(text)) {
		return s.page(string(text))
	}
	_, err := s.out.Write(text)
	return err
}

// metaPager turns the pager on or off, or toggles it without an
// argument.
func (s *Session) metaPager(_ context.Context, arg string) {
	switch strings.ToLower(arg) {
	case "":
		s.paging = !s.paging
	case "on":
		s.paging = true
	case "off":
		s.paging = false
	default:
		s.errorf(`\pager takes on or off, not %q`, arg)
		return
	}
	state := "off"
	if s.paging {
		state = "on"
	}
	if s.paging && s.cfg.PagerCommand == "" {
		s.notef("pager is on, but there is no terminal to page on")
		return
	}
	s.notef("pager is %s (%s)", state, s.cfg.PagerCommand)
}
