package cli

import (
	"errors"
	"io"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/translate"
	"github.com/czql/czql/validate"
)

// translateFlags are the flags of `czql translate`.
type translateFlags struct {
	inputFlags
	body          bool
	params        stringList
	conditionText bool
	reverse       bool
	metadata      string
}

// translateCommand is `czql translate`.
func translateCommand() *command {
	return &command{
		name:    "translate",
		summary: "print the Clarizen API request of each statement as JSON",
		usage:   "czql translate [-q QUERY | FILE | -] [--body] [-p NAME=VALUE]... [--condition-text] [--metadata FILE] [--reverse]",
		help: `
For each statement, translate prints the request as a bulk-execute item:
{"url": "/data/entityQuery", "method": "POST", "body": {...}}
(/data/aggregateQuery for queries with aggregates or GROUP BY). One statement
gives one object, several a JSON array. --body prints the bodies only.

Bind parameters (:name) take their values from -p name=value; the value is
read as a CZQL literal (42, 2024-05-01, 'text', TRUE, NULL), and a bare word
is a string. A parameter without a value is an error. With
--condition-text, each WHERE is sent as cZQLCondition text as written, with
the parameter values in a "parameters" object.

With --metadata FILE (describeMetadata JSON or czql's cache), each query
is first checked against the metadata, as lint does: a query with errors
is not translated, and names take the metadata's canonical spelling.

With --reverse, the input is request JSON (a body, a bulk item or an array
of them) and the output is CZQL text.

When any statement has errors, the diagnostics go to standard error, nothing
is printed on standard output, and the exit code is 1.

Examples:

  czql translate -q "SELECT Name FROM Task WHERE State = 'Active'"
  czql translate --body -p since=2024-05-01 queries.czql
  czql translate --body -q "SELECT Name FROM Task" | czql translate --reverse`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &translateFlags{}
			f.declare(fs)
			fs.BoolVar(&f.body, "body", false, "print the request bodies only, without url and method")
			fs.Var(&f.params, "p", "bind parameter `NAME=VALUE` (repeatable)")
			fs.BoolVar(&f.conditionText, "condition-text", false, "send each WHERE as cZQLCondition text instead of JSON conditions")
			fs.BoolVar(&f.reverse, "reverse", false, "read request JSON and print CZQL")
			fs.StringVar(&f.metadata, "metadata", "", "check each query against the metadata in `FILE` and use its canonical names")
			return func(e *env, args []string) int { return runTranslate(e, fs, f, args) }
		},
	}
}

// runTranslate checks the flags, reads the input and translates it in
// the direction asked for.
func runTranslate(e *env, fs *flagSet, f *translateFlags, args []string) int {
	if f.reverse && (f.body || len(f.params) > 0 || f.conditionText || f.metadata != "") {
		return usageError(e, "translate", "--reverse cannot be combined with --body, -p, --condition-text or --metadata")
	}
	params, err := translate.ParseParams(f.params)
	if err != nil {
		return usageError(e, "translate", err.Error())
	}
	in, code := readOne(e, "translate", fs, &f.inputFlags, args)
	if code != ExitOK {
		return code
	}
	if f.reverse {
		return reverse(e, in)
	}
	var md *metadata.Metadata
	mdPath := f.metadata
	if mdPath == "" {
		cfg, code := newConfigs(e, "").forInput(in)
		if code != ExitOK {
			return code
		}
		if cfg != nil {
			mdPath = cfg.Metadata
		}
	}
	if mdPath != "" {
		if md, err = metadata.Load(mdPath); err != nil {
			e.errorf("loading metadata: %v", err)
			return ExitUsage
		}
	}
	return translateInput(e, e.stdout, in, md, &translate.Options{Params: params, ConditionText: f.conditionText, Source: in.text}, f.body)
}

// translateInput parses and translates every statement of in and writes
// the JSON to w (an object for one statement, an array for several or
// none) as the statements are translated, through the library's one
// pipeline (czql.TranslateEach): with metadata md each statement is
// validated first and translated with canonical names, and czql:ignore
// comments and the configuration apply as in lint. Diagnostics are
// written to standard error; when any is an error, nothing is written to
// w and the code is [ExitErrors].
func translateInput(e *env, w io.Writer, in *input, md *metadata.Metadata, opts *translate.Options, bodyOnly bool) int {
	cfg, code := newConfigs(e, "").forInput(in)
	if code != ExitOK {
		return code
	}
	out := &requestWriter{w: w}
	diags, err := czql.TranslateEach(in.name, in.text, func(req *translate.Request) error {
		if bodyOnly {
			return out.add(req.Body)
		}
		return out.add(req.BulkItem())
	}, append(pipelineOptions(md, opts), czql.WithConfig(cfg))...)
	diags = withoutCheckInfos(diags)
	if code := writeDiags(e, in, diags); code != ExitOK {
		return code
	}
	if out.n == 0 && len(diags) == 0 { // the parser usually warns already
		writeDiags(e, in, diag.List{noStatements(in)})
	}
	if err == nil {
		err = out.close()
	}
	switch {
	case errors.Is(err, errEncoding):
		e.errorf("%v", err)
		return ExitErrors
	case err != nil:
		e.errorf("writing output: %v", err)
		return ExitUsage
	}
	return ExitOK // warnings alone, even "no statements", do not fail
}

// pipelineOptions returns the library options of a translation with
// metadata md (nil for none) and the command's translate options.
func pipelineOptions(md *metadata.Metadata, opts *translate.Options) []czql.Option {
	o := []czql.Option{czql.WithParamLiterals(opts.Params)}
	if md != nil {
		o = append(o, czql.WithMetadata(md))
	}
	if opts.ConditionText {
		o = append(o, czql.WithConditionText())
	}
	return o
}

// withoutCheckInfos drops the infos of validation rules (such as a
// missing LIMIT): translate and run leave them to lint.
func withoutCheckInfos(diags diag.List) diag.List {
	out := diags[:0:0]
	for _, d := range diags {
		if d.Severity == diag.Info && validationCodes[d.Code] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// validationCodes are the codes of validate's rules.
var validationCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range validate.DefaultRules() {
		m[r.Name] = true
	}
	return m
}()

// noStatements is the diagnostic for an input without any statement.
func noStatements(in *input) diag.Diagnostic {
	src := diag.NewSource(in.name, in.text)
	return diag.Diagnostic{Severity: diag.Warning, Code: "no-statements", Range: src.Range(0, 0), Message: "no statement to translate"}
}
