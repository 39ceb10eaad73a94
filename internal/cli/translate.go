package cli

import (
	"github.com/czql/czql"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/translate"
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
is a string. A parameter without a value is an error; with metadata, a
value that does not suit its field (-p p=abc for an Integer field) is an
error, and a -p that no statement uses gets a warning. With
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
	if f.reverse {
		f.stdinWhat = "request JSON"
	}
	in, code := readOne(e, "translate", fs, &f.inputFlags, args)
	if code != ExitOK {
		return code
	}
	if f.reverse {
		return reverse(e, in)
	}
	cfg, code := newConfigs(e, "").forInput(in)
	if code != ExitOK {
		return code
	}
	var md *metadata.Metadata
	if mdPath := configuredMetadata(f.metadata, cfg); mdPath != "" {
		if md, code = frontend.LoadMetadataFile(e.stderr, mdPath, ""); code != ExitOK {
			return code
		}
	}
	opts := &translate.Options{Params: params, ConditionText: f.conditionText, Source: in.text}
	return frontend.Translate(e.stdout, e.stderr, in.name, in.text, f.body, append(pipelineOptions(md, opts), czql.WithConfig(cfg))...)
}

// pipelineOptions returns the library options of a translation with
// metadata md (nil for none) and the command's translate options.
func pipelineOptions(md *metadata.Metadata, opts *translate.Options) []czql.Option {
	o := []czql.Option{czql.WithParamLiterals(opts.Params), czql.WithUnusedParamWarnings()}
	if md != nil {
		o = append(o, czql.WithMetadata(md))
	}
	if opts.ConditionText {
		o = append(o, czql.WithConditionText())
	}
	return o
}
