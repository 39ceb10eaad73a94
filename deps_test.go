package czql_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"
)

// module is the import path of this module.
const module = "github.com/czql/czql"

// depRule says which of our packages a package may import directly, and
// whether it may depend (directly or not) on net/http and os/exec.
type depRule struct {
	ours []string // package paths relative to the module ("." is the root); "LIBS" stands for every library
	net  bool     // may reach net/http
	exec bool     // may reach os/exec
}

// libraries are the packages of the public library, leaf first.
var libraries = []string{
	"diag", "lexer", "ast", "parser", "format", "metadata", "validate",
	"api", "translate", "client", "sandbox",
}

// depRules is the allow-list of design.md's package table. Every package of
// the module must have a row: a new package fails the test until it is
// added here with the imports its place in the pipeline allows.
var depRules = map[string]depRule{
	"diag":     {},
	"lexer":    {ours: []string{"diag"}},
	"ast":      {ours: []string{"diag"}},
	"parser":   {ours: []string{"lexer", "ast", "diag"}},
	"format":   {ours: []string{"ast", "parser", "lexer", "diag"}},
	"metadata": {},
	"validate": {ours: []string{"ast", "metadata", "diag"}},
	"api":      {},
	// Departure from design.md: translate also imports parser (and so
	// lexer), to print WHERE clauses as cZQLCondition text and to read -p
	// parameter values as CZQL literals.
	"translate": {ours: []string{"ast", "validate", "metadata", "api", "diag", "parser", "lexer"}},
	"client":    {ours: []string{"api", "metadata"}, net: true},
	// sandbox also names ast literals (to pass data/query parameters to the
	// translator) and reads diag lists (to answer InvalidQuery): the types
	// of the packages design.md lets it call.
	"sandbox": {ours: []string{"api", "metadata", "parser", "translate", "ast", "diag"}, net: true},
	".":       {ours: []string{"LIBS"}},
	// internal/golden is a test-only helper: it imports nothing of ours
	// and nothing but tests import it.
	"internal/golden": {exec: true},
	// internal/grammar is the participle grammar of record, for the EBNF
	// and the parser's differential test only: no row allows importing
	// it, so it never reaches a binary.
	"internal/grammar": {ours: []string{"lexer", "ast", "diag"}},
	// The commands go through the library (the root package) for the one
	// pipeline of parse, check and translate; czql and czql-repl share
	// internal/frontend and internal/render, and the REPL does not import
	// internal/cli.
	"internal/cli":  {ours: []string{".", "LIBS", "internal/frontend", "internal/render", "internal/lsp", "internal/gen", "internal/tty"}, net: true, exec: true},
	"internal/repl": {ours: []string{".", "LIBS", "internal/frontend", "internal/render", "internal/repl/complete", "internal/tty"}, net: true, exec: true},
	// internal/frontend is the plumbing czql and czql-repl share: exit
	// codes, connecting (to CZQL_URL or the embedded sandbox), the
	// metadata and its cache, reporting errors and diagnostics, replacing
	// files safely. It runs no program.
	"internal/frontend": {ours: []string{".", "api", "client", "diag", "metadata", "sandbox", "translate", "validate", "internal/render"}, net: true},
	// internal/lsp is `czql lsp`, a front end over the library like the
	// commands: it completes with the REPL's completion engine and finds
	// the metadata cache as lint does (internal/frontend, which is why it
	// reaches net/http; the server itself opens no connection).
	"internal/lsp": {ours: []string{".", "LIBS", "internal/frontend", "internal/repl/complete"}, net: true},
	// internal/repl/complete computes the REPL's completions from the
	// lexer and a partial parse; it is pure (no I/O).
	"internal/repl/complete": {ours: []string{"lexer", "parser", "ast", "metadata", "diag", "format"}},
	// internal/render is the result rendering that czql run and the REPL
	// share: the columns and cells of a result (api bodies and rows), its
	// formats, display widths and escaped control characters.
	"internal/render": {ours: []string{"api"}},
	// internal/gen writes the Go code of czql gen from the metadata; the
	// lexer tells which names a query can hold.
	"internal/gen": {ours: []string{"metadata", "lexer"}},
	// examples/clarizen is code czql gen wrote from the shared metadata
	// fixture: it imports the library only.
	"examples/clarizen": {ours: []string{"."}},
	// internal/tty is the terminal layer of the REPL: raw mode, state
	// save and restore, no-echo password reads, window size (which
	// `czql run` fits its tables to as well).
	"internal/tty": {},
	// internal/ptytest is a test-only helper: it runs a program on a
	// pseudo-terminal.
	"internal/ptytest": {exec: true},
	"cmd/czql":         {ours: []string{"internal/cli"}, net: true, exec: true},
	"cmd/czql-repl":    {ours: []string{"internal/repl"}, net: true, exec: true},
}

// TestDependencies checks the import graph of the module's non-test code
// against depRules.
func TestDependencies(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found:", err)
	}
	cmd := exec.Command(goCmd, "list", "-e", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	graph := parseGraph(out)
	if _, ok := graph[module+"/diag"]; !ok {
		t.Fatalf("go list output lacks %s/diag:\n%s", module, out)
	}
	for _, problem := range checkDeps(graph) {
		t.Error(problem)
	}
}

// parseGraph reads `go list -deps -f '{{.ImportPath}} {{join .Imports " "}}'`
// output into a map from package to its direct imports.
func parseGraph(out []byte) map[string][]string {
	graph := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) > 0 {
			graph[fields[0]] = fields[1:]
		}
	}
	return graph
}

// checkDeps returns one message per violation of depRules in graph, in a
// stable order.
func checkDeps(graph map[string][]string) []string {
	var problems []string
	pkgs := make([]string, 0, len(graph))
	for p := range graph {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		rel, ours := relPath(pkg)
		if !ours {
			continue
		}
		rule, ok := depRules[rel]
		if !ok {
			problems = append(problems, fmt.Sprintf("package %s is not in the dependency table of deps_test.go; add it to the table", pkg))
			continue
		}
		problems = append(problems, checkPackage(graph, pkg, rel, rule)...)
	}
	return problems
}

// checkPackage checks one package of ours against its rule.
func checkPackage(graph map[string][]string, pkg, rel string, rule depRule) []string {
	var problems []string
	allowed := expand(rule.ours)
	for _, imp := range graph[pkg] {
		if irel, ours := relPath(imp); ours && !slices.Contains(allowed, irel) {
			problems = append(problems, fmt.Sprintf("%s may not import %s (allowed: %s)", rel, irel, describe(allowed)))
		}
	}
	if path := findPath(graph, pkg, "net/http"); !rule.net && path != nil {
		problems = append(problems, fmt.Sprintf("%s may not depend on net/http: %s", rel, strings.Join(path, " -> ")))
	}
	if path := findPath(graph, pkg, "os/exec"); !rule.exec && path != nil {
		problems = append(problems, fmt.Sprintf("%s may not depend on os/exec: %s", rel, strings.Join(path, " -> ")))
	}
	return problems
}

// relPath returns pkg relative to the module ("." for the root) and
// whether it is one of ours.
func relPath(pkg string) (string, bool) {
	if pkg == module {
		return ".", true
	}
	rel, ok := strings.CutPrefix(pkg, module+"/")
	return rel, ok
}

// expand replaces "LIBS" with the library packages.
func expand(ours []string) []string {
	var out []string
	for _, o := range ours {
		if o == "LIBS" {
			out = append(out, libraries...)
		} else {
			out = append(out, o)
		}
	}
	return out
}

func describe(allowed []string) string {
	if len(allowed) == 0 {
		return "none of ours"
	}
	return strings.Join(allowed, ", ")
}

// findPath returns an import chain from pkg to target, or nil when pkg does
// not depend on target.
func findPath(graph map[string][]string, pkg, target string) []string {
	prev := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p == target {
			var path []string
			for ; p != ""; p = prev[p] {
				path = append([]string{p}, path...)
			}
			return path
		}
		for _, imp := range graph[p] {
			if _, seen := prev[imp]; !seen {
				prev[imp] = p
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// TestCheckDeps shows that the checker catches each kind of violation, so
// that a clean run of TestDependencies means something.
func TestCheckDeps(t *testing.T) {
	graph := map[string][]string{
		module + "/diag":            {"fmt"},
		module + "/ast":             {module + "/diag", module + "/parser"},      // upward import
		module + "/parser":          {module + "/ast", "net/http"},               // network in a library
		module + "/format":          {module + "/internal/helper"},               // helper is not in the table
		module + "/internal/helper": {"os/exec"},                                 // unknown package
		module + "/internal/cli":    {module + "/parser", "net/http", "os/exec"}, // allowed
		"net/http":                  {"fmt"},
		"os/exec":                   {},
		"fmt":                       {},
	}
	got := checkDeps(graph)
	want := []string{
		"ast may not import parser (allowed: diag)",
		"ast may not depend on net/http: " + module + "/ast -> " + module + "/parser -> net/http",
		"format may not import internal/helper (allowed: ast, parser, lexer, diag)",
		"format may not depend on os/exec: " + module + "/format -> " + module + "/internal/helper -> os/exec",
		"package " + module + "/internal/helper is not in the dependency table of deps_test.go; add it to the table",
		"parser may not depend on net/http: " + module + "/parser -> net/http",
	}
	if !slices.Equal(got, want) {
		t.Errorf("checkDeps:\n got %q\nwant %q", got, want)
	}
}
