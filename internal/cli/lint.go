package cli

import (
	"fmt"
	"slices"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// lintFlags are the flags of `czql lint`.
type lintFlags struct {
	inputFlags
	metadata  string
	config    string
	format    string
	failOn    string
	fix       bool
	listRules bool
	verbose   bool
}

// The values of lint's --format flag.
var lintFormats = []string{"text", "json", "sarif", "github"}

// lintCommand is `czql lint`.
func lintCommand() *command {
	return &command{
		name:    "lint",
		summary: "check queries against metadata",
		usage:   "czql lint [--metadata FILE] [--config FILE] [--format text|json|sarif|github] [--fail-on error|warning] [--fix] [-q QUERY | FILE | DIR | -]...\n       czql lint --list-rules",
		help: `
Lint parses every statement and checks it against the organisation's
metadata: unknown entities and fields, wrong types, misspelt names.
Directories are searched for *.czql files (hidden ones skipped); "-" or no
argument reads standard input.

The metadata is the describeMetadata JSON (or czql's cache format) named by
--metadata, else by the project configuration's metadata:, else by the
CZQL_METADATA environment variable, else the cache that 'czql metadata
fetch' writes for the organisation of CZQL_URL and CZQL_USER (without
CZQL_URL: the newest file of the user cache directory's czql/metadata/,
named on standard error). Without any, lint checks the syntax only and
says so once on standard error; -v names the metadata file used.

The project configuration is --config FILE, else the nearest .czql.yaml in
the input file's directory or above it (above the working directory for
standard input and -q):

  metadata: org.json        # relative to the configuration file
  rules:
    no-limit: off           # off, info, warning or error
  fail-on: warning          # what fails the run when --fail-on is not given

--list-rules prints every diagnostic code with its default severity.

Text diagnostics go to standard error, followed by a count; a clean run
prints nothing. --format json, sarif (SARIF 2.1.0, for code scanning) and
github (workflow annotations) write to standard output instead. The format
never changes the exit code: 1 when a diagnostic at or above --fail-on
(error by default) remains, 2 when lint could not run.

Suppress diagnostics with a comment: "-- czql:ignore CODE[,CODE]" alone on
the line before a statement silences those codes in the whole statement (on
the next line when the comment is inside a statement); at the end of a line
it silences them on that line. Without codes it silences every code.

--fix rewrites each file in place (atomically) with every fix that is
certain: canonical spellings of names and did-you-mean replacements with a
single candidate. A fix that would leave the file with syntax errors is not
written. For standard input and -q, the fixed text goes to standard output.

Examples:

  czql lint --metadata describe.json queries/
  czql lint --format sarif queries/ > czql.sarif
  czql lint --fix report.czql
  CZQL_METADATA=describe.json czql lint -q "SELECT Nme FROM Task"`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &lintFlags{}
			f.declare(fs)
			fs.StringVar(&f.metadata, "metadata", "", "read the metadata from `FILE` (describeMetadata JSON or cache)")
			fs.StringVar(&f.config, "config", "", "read the project configuration from `FILE` instead of the nearest .czql.yaml")
			fs.BoolVar(&f.listRules, "list-rules", false, "print every diagnostic code with its default severity and exit")
			fs.BoolVar(&f.verbose, "v", false, "name the metadata file used on standard error")
			fs.StringVar(&f.format, "format", "text", "diagnostics `FORMAT`: text, json, sarif or github")
			fs.StringVar(&f.failOn, "fail-on", "error", "exit with 1 on diagnostics of this `LEVEL` or worse: error or warning")
			fs.BoolVar(&f.fix, "fix", false, "apply certain fixes in place (to standard output for stdin and -q)")
			return func(e *env, args []string) int { return runLint(e, fs, f, args) }
		},
	}
}

// lintResult is what lint found in one input.
type lintResult struct {
	in    *input
	src   *diag.Source
	diags diag.List    // sorted, suppressions and the configuration applied
	cfg   *czql.Config // the input's project configuration, or nil
}

// linter lints inputs one after the other and keeps their results for the
// reports written at the end.
type linter struct {
	e       *env
	f       *lintFlags
	fs      *flagSet
	cfgs    *configs
	md      *metadata.Metadata // the metadata of inputs without a configured one; nil: syntax only
	mdDone  bool               // md was looked for
	byCfg   map[string]*metadata.Metadata
	results []*lintResult

	// The input being linted: its configuration and metadata.
	curCfg *czql.Config
	curMD  *metadata.Metadata
}

// runLint checks the flags, loads the metadata, lints every input and
// writes the report.
func runLint(e *env, fs *flagSet, f *lintFlags, args []string) int {
	if msg := f.check(fs, args); msg != "" {
		return usageError(e, "lint", msg)
	}
	if f.listRules {
		return listRules(e)
	}
	l := &linter{e: e, f: f, fs: fs, cfgs: newConfigs(e, f.config), byCfg: map[string]*metadata.Metadata{}}
	code := l.inputs(fs, args)
	if code == ExitInterrupted {
		return code
	}
	return worst(code, l.report())
}

// check returns what is wrong with the flags and arguments, or "".
func (f *lintFlags) check(fs *flagSet, args []string) string {
	switch {
	case !slices.Contains(lintFormats, f.format):
		return fmt.Sprintf("unknown --format %q (want text, json, sarif or github)", f.format)
	case f.failOn != "error" && f.failOn != "warning":
		return fmt.Sprintf("unknown --fail-on %q (want error or warning)", f.failOn)
	case queryGiven(fs) && len(args) > 0:
		return "use either -q or files, not both"
	case count(args, "-") > 1:
		return `"-" (standard input) given more than once`
	case f.fix && f.format != "text" && (queryGiven(fs) || len(args) == 0 || slices.Contains(args, "-")):
		return "--fix prints standard input's fixed text on standard output: use it with --format text"
	}
	return ""
}

// inputs lints -q, standard input or each argument in turn and returns the
// worst exit code of reading them.
func (l *linter) inputs(fs *flagSet, args []string) int {
	if queryGiven(fs) {
		return l.lint(&input{name: queryName, text: []byte(l.f.query)})
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	code := ExitOK
	for _, arg := range args {
		if l.e.ctx.Err() != nil {
			return ExitInterrupted
		}
		code = worst(code, l.arg(arg))
	}
	return code
}

// arg lints one command-line argument: standard input, a file or a
// directory tree.
func (l *linter) arg(arg string) int {
	if arg == "-" {
		in, code := readStdin(l.e, "lint", "", l.f.stdinName)
		if code != ExitOK {
			return code
		}
		return l.lint(in)
	}
	isDir, err := isDirectory(arg)
	if err != nil {
		return ioError(l.e, err)
	}
	paths := []string{arg}
	code := ExitOK
	if isDir {
		paths, code = czqlFiles(l.e, arg)
	}
	for _, path := range paths {
		if l.e.ctx.Err() != nil {
			return ExitInterrupted
		}
		in, c := readFile(l.e, path)
		if c == ExitOK {
			c = l.lint(in)
		}
		code = worst(code, c)
	}
	return code
}

// lint checks one input (fixing it first under --fix), writes its text
// diagnostics when the format is text, and keeps the result.
func (l *linter) lint(in *input) int {
	cfg, code := l.cfgs.forInput(in)
	if code != ExitOK {
		return code
	}
	if l.curMD, code = l.metadataFor(cfg); code != ExitOK {
		return code
	}
	l.curCfg = cfg
	if l.f.fix {
		in, code = l.fixInput(in)
		if code != ExitOK {
			return code
		}
	}
	r := &lintResult{in: in, src: diag.NewSource(in.name, in.text), diags: l.check(in.name, in.text), cfg: cfg}
	l.results = append(l.results, r)
	if l.f.format == "text" {
		frontend.WriteDiags(l.e.stderr, in.name, in.text, r.diags)
	}
	return code
}

// report writes the report of the chosen format and returns the exit code
// the diagnostics call for.
func (l *linter) report() int {
	var code int
	switch l.f.format {
	case "json":
		code = l.writeJSON()
	case "sarif":
		code = l.writeSARIF()
	case "github":
		code = l.writeGitHub()
	default:
		l.writeSummary()
	}
	return worst(code, l.failCode())
}

// failCode returns [ExitErrors] when a diagnostic at or above --fail-on
// was found, and [ExitOK] otherwise.
func (l *linter) failCode() int {
	flagged := flagGiven(l.fs, "fail-on")
	for _, r := range l.results {
		cfg := r.cfg
		if flagged || cfg == nil {
			cfg = &czql.Config{FailOn: diag.Error}
			if l.f.failOn == "warning" {
				cfg.FailOn = diag.Warning
			}
		}
		if cfg.Fails(r.diags) {
			return ExitErrors
		}
	}
	return ExitOK
}

// metadataFor returns the metadata to check an input with configuration
// cfg against: --metadata, else the configuration's, else the one found
// for every input (CZQL_METADATA, the cache), loaded once each.
func (l *linter) metadataFor(cfg *czql.Config) (*metadata.Metadata, int) {
	if l.f.metadata == "" && cfg != nil && cfg.Metadata != "" {
		if md, ok := l.byCfg[cfg.Metadata]; ok {
			return md, ExitOK
		}
		if l.f.verbose {
			fmt.Fprintf(l.e.stderr, "czql: metadata: %s (from %s)\n", cfg.Metadata, cfg.Path)
		}
		md, code := frontend.LoadMetadataFile(l.e.stderr, cfg.Metadata, "")
		if code == ExitOK {
			l.byCfg[cfg.Metadata] = md
		}
		return md, code
	}
	if !l.mdDone {
		l.mdDone = true
		md, code := loadLintMetadata(l.e, l.f.metadata, l.f.verbose)
		if code != ExitOK {
			return nil, code
		}
		l.md = md
	}
	return l.md, ExitOK
}

// flagGiven reports whether the flag name was given on the command line.
func flagGiven(fs *flagSet, name string) bool {
	set := false
	fs.Visit(func(f *flagDef) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// listRules prints every diagnostic code with its default severity and
// the first sentence of its doc.
func listRules(e *env) int {
	var b []byte
	for _, r := range czql.Rules() {
		b = fmt.Appendf(b, "%-24s %-8s %s\n", r.Code, r.Severity, r.Short())
	}
	return writeOut(e, b)
}
