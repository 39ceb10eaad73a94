package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/sandbox"
)

// readme returns the text of the README at the repository root.
func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// readmeParams are the values the README's queries get for their bind
// parameters, as a reader would pass them with -p.
var readmeParams = map[string]string{"since": "2024-05-01", "due": "2024-06-01", "manager": "/User/u1"}

// readmeQueries returns the CZQL of the README's examples, each with
// where it was found: the ```sql blocks (but the lint example, whose
// errors are the point and which TestREADMELintExample checks), the -q
// arguments, the statements typed at the prompt (demo@sandbox=>) and suggested after "Try:",
// and the queries in Go strings.
func readmeQueries(t *testing.T, text string) map[string]string {
	t.Helper()
	lintExample, err := os.ReadFile("../../testdata/lint/example.czql")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile("(?s)```(\\w*)\n(.*?)```").FindAllStringSubmatch(text, -1) {
		lang, block := m[1], m[2]
		if lang == "sql" && block != string(lintExample) {
			out[block] = "```sql block"
		}
		for _, q := range regexp.MustCompile(`-q (?:"([^"]*)"|'([^']*)')`).FindAllStringSubmatch(block, -1) {
			out[q[1]+q[2]] = "-q in a ```" + lang + " block"
		}
		for _, q := range regexp.MustCompile(`(?m)(?:^\S*=> |^Try:\s+)(SELECT .*)$`).FindAllStringSubmatch(block, -1) {
			out[q[1]] = "a statement typed in czql-repl"
		}
		if lang == "go" {
			for _, q := range regexp.MustCompile(`"(SELECT [^"]*)"`).FindAllStringSubmatch(block, -1) {
				out[q[1]] = "a Go string"
			}
		}
	}
	return out
}

// TestREADMEQueriesWorkOnTheDemo checks every CZQL example of the README
// against the demo organisation: it must pass the checks of the metadata
// without errors or warnings, and run on the demo sandbox. The language
// example must also be in the canonical form, as the README says.
func TestREADMEQueriesWorkOnTheDemo(t *testing.T) {
	text := readme(t)
	queries := readmeQueries(t, text)
	if len(queries) < 10 {
		t.Fatalf("found %d queries in the README, want at least 10: %q", len(queries), queries)
	}
	md, data, err := sandbox.Demo()
	if err != nil {
		t.Fatal(err)
	}
	serveOrganisation(t, md, data)
	t.Chdir(t.TempDir()) // no .czql.yaml
	var mdJSON bytes.Buffer
	if err := md.Encode(&mdJSON); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("demo.json", mdJSON.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CZQL_METADATA", "demo.json") // czql run checks against the demo's metadata too
	t.Logf("%d README queries", len(queries))
	for q, where := range queries {
		args := []string{"run", "--format", "jsonl", "-q", q}
		params := map[string]ast.Literal{}
		for _, name := range paramNames(t, q) {
			v, ok := readmeParams[name]
			if !ok {
				t.Fatalf("README query %q (%s) uses :%s, which readmeParams has no value for", q, where, name)
			}
			params[name] = &ast.StringLit{Value: v}
			args = append(args, "-p", name+"="+v)
		}
		_, diags := czql.TranslateFile("README", []byte(q), czql.WithMetadata(md), czql.WithParamLiterals(params))
		for _, d := range diags {
			if d.Severity >= diag.Warning {
				t.Errorf("README query (%s) on the demo metadata: %s\n%s", where, d.FormatLine("README"), q)
			}
		}
		var stdout, stderr bytes.Buffer
		if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != ExitOK || strings.Contains(stderr.String(), "warning") {
			t.Errorf("README query (%s) on the demo sandbox: exit code %d\n%s\n%s", where, code, q, &stderr)
		}
	}
	lang := strings.SplitN(text[strings.Index(text, "## The language"):], "```sql\n", 2)[1]
	lang, _, _ = strings.Cut(lang, "```")
	if got, err := czql.Format([]byte(lang)); err != nil || string(got) != lang {
		t.Errorf("the language example is not what czql fmt prints (%v):\n%s", err, got)
	}
}

// paramNames returns the names of the bind parameters of the query text
// q, sorted.
func paramNames(t *testing.T, q string) []string {
	t.Helper()
	f, _ := czql.ParseFile("README", []byte(q))
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		if p, ok := n.(*ast.ParamRef); ok && !slices.Contains(names, p.Name) {
			names = append(names, p.Name)
		}
		return true
	})
	slices.Sort(names)
	return names
}

// TestREADMELayoutNamesEveryPackage checks the README's project layout
// table against the tree: every directory of the module with Go code
// (test-only helpers included) has a row, and every row names a
// directory that exists.
func TestREADMELayoutNamesEveryPackage(t *testing.T) {
	text := readme(t)
	table, _, _ := strings.Cut(text[strings.Index(text, "## Project layout"):], "\n\n`")
	rows := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| (`[^|]*) \\|").FindAllStringSubmatch(table, -1) {
		cell := regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(m[1], "") // "(package `czql`)" names no directory
		for _, p := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(cell, -1) {
			rows[strings.TrimSuffix(p[1], "/")] = true
		}
	}
	root := "../.."
	var missing []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && rel != "." {
				if !rows[rel] {
					missing = append(missing, rel+" (a module of its own)")
				}
				return filepath.SkipDir
			}
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(rel))
		if strings.HasSuffix(rel, ".go") && !rows[dir] && !slices.Contains(missing, dir) {
			missing = append(missing, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("the README's project layout has no row for %q", missing)
	}
	for row := range rows {
		if fi, err := os.Stat(filepath.Join(root, row)); err != nil || !fi.IsDir() {
			t.Errorf("the README's project layout names %s, which is not a directory", row)
		}
	}
	if len(rows) < 20 {
		t.Errorf("read %d rows from the layout table: %v", len(rows), rows)
	}
}

// TestREADMEDatasetExample serves the dataset example of the README (with
// the metadata fixture) and checks what the README says of the format:
// references and pick-list values as ids, Duration and Money objects,
// subtypes found by their base type, a missing field NULL, relations
// through the link entity, and the error for a wrong id.
func TestREADMEDatasetExample(t *testing.T) {
	text := readme(t)
	section, _, _ := strings.Cut(text[strings.Index(text, "#### Dataset format"):], "\n#### ")
	example := strings.SplitN(section, "```json\n", 2)[1]
	example, _, _ = strings.Cut(example, "```")
	data, err := sandbox.DecodeDataset(strings.NewReader(example))
	if err != nil {
		t.Fatal(err)
	}
	mdPath, err := filepath.Abs(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	md, err := czql.LoadMetadata(mdPath)
	if err != nil {
		t.Fatal(err)
	}
	serveOrganisation(t, md, data)
	t.Setenv("CZQL_METADATA", "")
	t.Chdir(t.TempDir())
	for q, want := range map[string]string{
		"SELECT Name, Manager.Name, Work, ActualCost, (SELECT Name FROM Resources) FROM Task WHERE State = 'Active'": `{"id":"/Task/t1","Name":"Design","Manager":{"id":"/User/u1","Name":"Sam Lee"},"Work":{"durationType":"Default","unit":"Hours","value":8},"ActualCost":{"currency":"USD","value":10},"Resources":{"entities":[{"id":"/User/u1","Name":"Sam Lee"}]}}` + "\n",
		"SELECT Name FROM WorkItem ORDER BY Name":               `{"id":"/Task/t2","Name":"Build"}` + "\n" + `{"id":"/Task/t1","Name":"Design"}` + "\n",
		"SELECT Name FROM Task WHERE Manager = NULL":            `{"id":"/Task/t2","Name":"Build"}` + "\n",
		"SELECT Name FROM Task WHERE DueDate < 2024-06-02":      `{"id":"/Task/t1","Name":"Design"}` + "\n",
		"SELECT Name FROM Task WHERE Priority > 3":              `{"id":"/Task/t2","Name":"Build"}` + "\n",
		"SELECT Name FROM User WHERE Email = 'sam@example.com'": `{"id":"/User/u1","Name":"Sam Lee"}` + "\n",
	} {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"run", "--format", "jsonl", "--metadata", mdPath, "-q", q}, strings.NewReader(""), &stdout, &stderr)
		if code != ExitOK || stdout.String() != want {
			t.Errorf("%s: exit code %d, output:\n%s%s\nwant:\n%s", q, code, &stdout, &stderr, want)
		}
	}
	bad := strings.Replace(example, `"id": "/Task/t2"`, `"id": "/User/u9"`, 1)
	_, err = sandbox.DecodeDataset(strings.NewReader(bad))
	if want := `dataset: entities.Task[1]: id "/User/u9" is not of the form /Task/<id>`; err == nil || err.Error() != want || !strings.Contains(section, want) {
		t.Errorf("a wrong id: %v; want %s, as the README says", err, want)
	}
}

// TestREADMERulesTable checks the README's table of diagnostic codes
// against czql.Rules, what `czql lint --list-rules` prints: every code,
// in order, with its default severity and the first sentence of its doc.
func TestREADMERulesTable(t *testing.T) {
	text := readme(t)
	start := strings.Index(text, "| code | default | what it reports |")
	if start < 0 {
		t.Fatal("the README has no table of rules")
	}
	table, _, _ := strings.Cut(text[start:], "\n\n")
	got := strings.Split(table, "\n")[2:]
	var want []string
	for _, r := range czql.Rules() {
		want = append(want, "| `"+r.Code+"` | "+r.Severity.String()+" | "+r.Short()+" |")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the README's rules table:\n%s\nczql.Rules():\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
