package cli

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/parser"
)

// parseFlags are the flags of `czql parse`.
type parseFlags struct {
	inputFlags
	json   bool
	ranges bool
}

// parseCommand is `czql parse`.
func parseCommand() *command {
	return &command{
		name:    "parse",
		summary: "print the syntax tree of each statement",
		usage:   "czql parse [--ast | --ranges] [-q QUERY | FILE | -]",
		help: `
Without --ast, parse prints the syntax tree as indented text for people
(--ranges adds each node's source range) and the diagnostics on standard
error.

With --ast, it prints one JSON document for tools: every node with its
kind, its fields and its source range (byte offset, line, byte column and
UTF-16 column), the comments, and the diagnostics, under
"schemaVersion": 1. Nothing is written to standard error then.

The tree is printed even when it is partial; the exit code is 1 when there
are syntax errors.

Examples:

  czql parse -q "SELECT Name FROM Task WHERE State = 'Active'"
  czql parse --ast queries.czql | jq '.queries[0].where'`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &parseFlags{}
			f.declare(fs)
			fs.BoolVar(&f.json, "ast", false, "print the syntax tree and diagnostics as JSON")
			fs.BoolVar(&f.ranges, "ranges", false, "end each line of the text tree with its source range (line:col-line:col)")
			return func(e *env, args []string) int { return runParse(e, fs, f, args) }
		},
	}
}

// runParse prints the tree of the input as text or as JSON.
func runParse(e *env, fs *flagSet, f *parseFlags, args []string) int {
	in, code := readOne(e, "parse", fs, &f.inputFlags, args)
	if code != ExitOK {
		return code
	}
	if f.json {
		return writeASTJSON(e, in)
	}
	file, diags := parser.ParseFile(in.name, in.text)
	code = ExitOK
	if diags.HasErrors() {
		code = ExitErrors
	}
	frontend.WriteDiags(e.stderr, in.name, in.text, diags)
	return worst(code, writeOut(e, []byte(ast.Sprint(file, f.ranges))))
}

// writeASTJSON streams the tree and the diagnostics of in to standard
// output in the schema of [ast.WriteJSON], one statement at a time: a
// first reading writes the queries, a second the comments (which the
// schema puts after them), so that neither is held. A failed write is
// reported as by [writeOut]; syntax errors give [ExitErrors].
func writeASTJSON(e *env, in *input) int {
	out, err := ast.NewJSONWriter(e.stdout, diag.NewSource(in.name, in.text))
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	var diags diag.List
	stmts := parser.NewStatements(in.name, in.text)
	for stmts.Next() {
		out.Query(stmts.Query())
		diags = append(diags, stmts.Diagnostics()...)
	}
	diags = append(diags, stmts.Diagnostics()...)
	stmts = parser.NewStatements(in.name, in.text)
	for more := true; more; {
		more = stmts.Next()
		for _, c := range stmts.Comments() {
			out.Comment(c)
		}
	}
	diags.Sort()
	if err := out.Close(diags); err != nil {
		e.errorf("writing output: %v", err)
		return ExitUsage
	}
	if diags.HasErrors() {
		return ExitErrors
	}
	return ExitOK
}
