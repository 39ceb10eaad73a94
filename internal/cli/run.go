package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/render"
	"github.com/czql/czql/translate"
)

// defaultMaxRows is the --max-rows guard of `czql run --all`.
const defaultMaxRows = 100000

// runFlags are the flags of `czql run`.
type runFlags struct {
	inputFlags
	format        string
	all           bool
	maxRows       int
	params        stringList
	metadata      string
	config        string
	debug         bool
	passwordStdin bool
}

// runQueryCommand is `czql run`.
func runQueryCommand() *command {
	return &command{
		name:    "run",
		summary: "run queries against the API (or the embedded sandbox) and print the rows",
		usage:   "czql run [-q QUERY | FILE | -] [--format table|json|jsonl|csv] [--all] [--max-rows N] [-p NAME=VALUE]... [--metadata FILE] [--config FILE] [--password-stdin] [--debug]",
		help:    runDescription,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &runFlags{}
			f.declare(fs)
			fs.StringVar(&f.format, "format", "table", "result `FORMAT`: table, json, jsonl or csv")
			fs.BoolVar(&f.all, "all", false, "follow paging and fetch every row (up to --max-rows)")
			fs.IntVar(&f.maxRows, "max-rows", defaultMaxRows, "with --all, stop after `N` rows (refused without --all)")
			fs.Var(&f.params, "p", "bind parameter `NAME=VALUE` (repeatable)")
			fs.StringVar(&f.metadata, "metadata", "", "validate against the metadata in `FILE` (default: the configuration's, CZQL_METADATA, the cache, or the sandbox's)")
			fs.StringVar(&f.config, "config", "", "read the project configuration from `FILE` instead of the nearest .czql.yaml")
			fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
			fs.BoolVar(&f.debug, "debug", false, "print each HTTP request and response on standard error (Authorization redacted)")
			return func(e *env, args []string) int { return runRun(e, fs, f, args) }
		},
	}
}

// runDescription is the description of `czql run`.
const runDescription = `
Each statement is parsed, checked against the metadata when there is any
(--metadata, else the project configuration's metadata:, else
CZQL_METADATA, else the cache 'czql metadata fetch' writes, else the
embedded sandbox's own), translated and sent as an entityQuery or
aggregateQuery. A statement with errors is refused: the diagnostics go to
standard error, nothing is sent, and the exit code is 1.

Bind parameters (:name) take their values from -p name=value, read as in
translate; with metadata, a value that does not suit its field is an
error, and a -p that no statement uses gets a warning. LIMIT 0 is refused
(limit-zero): the API would not read paging.limit 0 as no rows.

The project configuration is --config FILE, else the nearest .czql.yaml in
the input file's directory or above it (above the working directory for
standard input and -q); its rules set the severity of the diagnostics, as
in lint.

Without CZQL_URL, czql run starts the embedded sandbox with the demo
organisation in-process and says so on standard error. With CZQL_URL it
logs in with CZQL_USER and CZQL_PASSWORD (or --password-stdin), or uses
CZQL_API_KEY; sessions are reused across runs (files under the user cache
directory, mode 0600, in a directory only the user can write, and only
with the password the session was made with).

Only the first page is fetched, in one API call (LIMIT rows, or the
server's default of 100); a note on standard error says when the server
answered that more rows are available (paging.hasMore). --all follows
the paging to the end, one call a page, stopping with a note after
--max-rows rows (default 100000); --max-rows without --all is refused.

Formats: table (aligned columns; references flattened into columns like
Manager.Name, relation sub-selects counted with their items as sub-tables
under the row, Duration and Money as "8 Hours" and "10 USD", NULL empty),
json (an array of the rows as returned), jsonl (one row a line, streamed),
csv (RFC 4180 with a header row; cells that a spreadsheet would take for a
formula start with a single quote).

Exit codes: 0 done, 1 a statement has errors or the API rejected it, 2 could
not run (usage, network failure), 130 interrupted.

Examples:

  czql run -q "SELECT Name, Manager.Name FROM Task WHERE State = 'Active' LIMIT 10"
  czql run --all --format jsonl queries.czql > rows.jsonl
  czql run --format csv -p since=2024-05-01 report.czql`

// checkMaxRows returns what is wrong with --max-rows, or "": it must be
// positive, and it goes with --all only (without --all one page is
// fetched, of LIMIT rows).
func checkMaxRows(fs *flagSet, f *runFlags) string {
	switch {
	case f.maxRows <= 0:
		return "--max-rows must be positive"
	case !f.all && flagGiven(fs, "max-rows"):
		return "--max-rows goes with --all: without --all only the first page is fetched (set its size with LIMIT)"
	}
	return ""
}

// runRun checks the flags, prepares every statement and runs them in
// order.
func runRun(e *env, fs *flagSet, f *runFlags, args []string) int {
	if formats := render.Formats(); !slices.Contains(formats, f.format) {
		return usageError(e, "run", fmt.Sprintf("unknown format %q (want %s)", f.format, strings.Join(formats, ", ")))
	}
	if msg := checkMaxRows(fs, f); msg != "" {
		return usageError(e, "run", msg)
	}
	params, err := translate.ParseParams(f.params)
	if err != nil {
		return usageError(e, "run", err.Error())
	}
	if f.passwordStdin && !queryGiven(fs) && (len(args) == 0 || args[0] == "-") {
		return usageError(e, "run", "--password-stdin needs the query from -q or a file")
	}
	in, code := readOne(e, "run", fs, &f.inputFlags, args)
	if code != ExitOK {
		return code
	}
	cfg, code := newConfigs(e, f.config).forInput(in)
	if code != ExitOK {
		return code
	}
	conn, code := frontend.Connect(e.ctx, frontend.ConnectOptions{
		Stdin: e.stdin, Stderr: e.stderr, Getenv: e.getenv,
		MetadataPath: configuredMetadata(f.metadata, cfg), PasswordStdin: f.passwordStdin, Debug: f.debug,
	})
	if code != ExitOK {
		return code
	}
	defer conn.Close()
	reqs, code := prepare(e, in, conn.Metadata, cfg, &translate.Options{Params: params, Source: in.text})
	if code != ExitOK {
		return code
	}
	return execute(e, conn, reqs, f)
}
