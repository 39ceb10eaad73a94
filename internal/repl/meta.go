package repl

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/czql/czql/api"
	"github.com/czql/czql/diag"
)

// metaCommand is one backslash command.
type metaCommand struct {
	name  string // without the backslash
	args  string // the synopsis of the arguments, for \help
	help  string
	run   func(s *Session, ctx context.Context, arg string)
	alias []string
	// values are the words the argument is completed from: "" for none,
	// argEntity for entity names, argQuery for CZQL text, or a list
	// separated by '|'.
	values string
}

// The argument kinds of metaCommand.values that are not word lists.
const (
	argEntity = "<entity>"
	argQuery  = "<query>"
)

// metaCommands returns the meta-commands in the order \help lists them.
func metaCommands() []metaCommand {
	return []metaCommand{
		{name: "help", help: "list the meta-commands", run: (*Session).metaHelp, alias: []string{"?"}},
		{name: "entities", args: "[PATTERN]", help: "list the entities (PATTERN: a glob or a substring, any case)", run: (*Session).metaEntities},
		{name: "describe", args: "ENTITY", help: "show an entity's fields (type, label, flags) and relations", run: (*Session).metaDescribe, alias: []string{"d"}, values: argEntity},
		{name: "translate", args: "QUERY", help: "show the JSON request of QUERY without sending it", run: (*Session).metaTranslate, values: argQuery},
		{name: "fmt", args: "QUERY", help: "show QUERY in canonical form", run: (*Session).metaFmt, values: argQuery},
		{name: "refresh", help: "load the metadata again (from the organisation, or its file)", run: (*Session).metaRefresh},
		{name: "format", args: "table|json|jsonl|csv", help: "set the result format", run: (*Session).metaFormat, values: "table|json|jsonl|csv"},
		{name: "x", args: "[on|off|auto]", help: "vertical display of tables; auto (the default): when a table is wider than the screen", run: (*Session).metaExpanded, values: "on|off|auto"},
		{name: "pager", args: "[on|off]", help: "show results that do not fit the screen through PAGER (default less -SRXF)", run: (*Session).metaPager, values: "on|off"},
		{name: "timing", args: "[on|off]", help: "show the time and API calls of each statement, \\more and \\all", run: (*Session).metaTiming, values: "on|off"},
		{name: "o", args: "[FILE]", help: "send results to FILE; without FILE, back to standard output", run: (*Session).metaOutput},
		{name: "set", args: "[NAME [VALUE]]", help: "set a variable, the value of :NAME in statements (PROMPT1, PROMPT2: the prompts); alone, list them", run: (*Session).metaSet},
		{name: "unset", args: "NAME", help: "remove a variable", run: (*Session).metaUnset},
		{name: "i", args: "FILE", help: "run the statements and meta-commands of FILE", run: (*Session).metaInclude, alias: []string{"include"}},
		{name: "e", args: "", help: "edit the current statement, or the last one, in $VISUAL or $EDITOR, then run it (interactive only)", run: (*Session).metaEdit, alias: []string{"edit"}},
		{name: "watch", args: "[SECONDS]", help: "run the last statement again every SECONDS (default 2) until Ctrl+C", run: (*Session).metaWatch},
		{name: "more", help: "show the next page of the last result", run: (*Session).metaMore},
		{name: "all", help: "show every remaining row of the last result", run: (*Session).metaAll},
		{name: "quit", help: "leave czql-repl", run: (*Session).metaQuit, alias: []string{"q"}},
	}
}

// ExecMeta runs the meta-command line (starting with a backslash, such
// as `\describe Task`). An unknown command is reported with the closest
// names.
func (s *Session) ExecMeta(ctx context.Context, line string) {
	name, arg, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), `\`)), " ")
	arg = strings.TrimSpace(arg)
	if c, ok := findMeta(name); ok {
		c.run(s, ctx, arg)
		return
	}
	s.errorf(`unknown meta-command \%s`, name)
	if names := diag.Suggest(name, metaNames()); len(names) > 0 {
		s.notef(`	did you mean \%s?`, names[0])
	}
	s.notef(`Type \help for the list.`)
}

// findMeta returns the meta-command called name (or by an alias).
func findMeta(name string) (metaCommand, bool) {
	for _, c := range metaCommands() {
		if strings.EqualFold(name, c.name) || slices.Contains(c.alias, name) {
			return c, true
		}
	}
	return metaCommand{}, false
}

// metaNames returns the names of the meta-commands, without backslash.
func metaNames() []string {
	var names []string
	for _, c := range metaCommands() {
		names = append(names, c.name)
	}
	return names
}

// metaHelp lists the meta-commands.
func (s *Session) metaHelp(_ context.Context, _ string) {
	var rows [][2]string
	width := 0
	for _, c := range metaCommands() {
		syn := `\` + c.name
		if c.args != "" {
			syn += " " + c.args
		}
		rows = append(rows, [2]string{syn, c.help})
		width = max(width, len(syn))
	}
	var b strings.Builder
	b.WriteString("Statements end with ';' and may span lines. Meta-commands:\n")
	for _, r := range rows {
		b.WriteString("  " + r[0] + strings.Repeat(" ", width-len(r[0])) + "  " + r[1] + "\n")
	}
	s.write(b.String())
}

// write writes text to the result output, reporting a failure.
func (s *Session) write(text string) {
	if _, err := s.out.Write([]byte(text)); err != nil {
		s.errorf("writing output: %v", err)
	}
}

// metaQuit ends the session.
func (s *Session) metaQuit(_ context.Context, _ string) { s.quit = true }

// metaMore shows the next page of the pending result.
func (s *Session) metaMore(ctx context.Context, _ string) { s.continueResult(ctx, false) }

// metaAll shows the rest of the pending result.
func (s *Session) metaAll(ctx context.Context, _ string) { s.continueResult(ctx, true) }

// continueResult shows the next page, or everything left, of the
// pending result, with its time and API calls under \timing.
func (s *Session) continueResult(ctx context.Context, all bool) {
	if s.pager == nil {
		s.errorf("no more rows: there is no result with more rows to show")
		return
	}
	var start time.Time
	var calls int64
	if s.timing { // the clock is read only for \timing
		start, calls = s.now(), s.calls()
	}
	limit := 0
	if !all {
		limit = api.PageSize(s.pager.body)
	}
	s.showPage(ctx, limit)
	s.reportTiming(start, calls)
}
