package validate_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

// fixturePath is the shared describeMetadata fixture.
const fixturePath = "../testdata/metadata/clarizen.json"

var (
	fixtureOnce sync.Once
	fixtureMD   *metadata.Metadata
	fixtureErr  error
)

// fixture loads the shared metadata fixture once.
func fixture(t testing.TB) *metadata.Metadata {
	t.Helper()
	fixtureOnce.Do(func() { fixtureMD, fixtureErr = metadata.Load(fixturePath) })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureMD
}

// archiveMeta returns the metadata of an archive: its metadata.json
// section when it has one, else the fixture.
func archiveMeta(t *testing.T, a *txtar.Archive) *metadata.Metadata {
	t.Helper()
	if js, ok := golden.Section(a, "metadata.json"); ok {
		md, err := metadata.Decode(strings.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		return md
	}
	return fixture(t)
}

// ruleByDir returns the rule whose name, with dashes as underscores, is dir.
func ruleByDir(t *testing.T, dir string) *validate.Rule {
	t.Helper()
	for _, r := range validate.DefaultRules() {
		if strings.ReplaceAll(r.Name, "-", "_") == dir {
			return r
		}
	}
	t.Fatalf("no rule for testdata directory %q", dir)
	return nil
}

// lint parses src and checks it with rules, returning the rendered
// diagnostics (syntax ones included).
func lint(t *testing.T, md *metadata.Metadata, src string, rules ...*validate.Rule) (string, diag.List) {
	t.Helper()
	f, syntax := parser.ParseFile("in.czql", []byte(src))
	ds := append(diag.List{}, syntax...)
	ds = append(ds, validate.CheckFile(f, md, syntax, rules...)...)
	ds.Sort()
	var b bytes.Buffer
	if err := diag.WriteList(&b, diag.NewSource("in.czql", []byte(src)), ds, diag.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String(), ds
}

// TestRules runs the golden cases of each rule: testdata/<rule>/*.txtar
// with an in.czql section, checked with that rule alone; diag.txt holds the
// rendered diagnostics.
func TestRules(t *testing.T) {
	for _, r := range validate.DefaultRules() {
		dir := strings.ReplaceAll(r.Name, "-", "_")
		t.Run(dir, func(t *testing.T) {
			golden.Run(t, "testdata/"+dir+"/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
				in, ok := golden.Section(a, "in.czql")
				if !ok {
					t.Fatal("no in.czql section")
				}
				out, _ := lint(t, archiveMeta(t, a), in, ruleByDir(t, dir))
				return map[string]string{"diag.txt": out}
			})
		})
	}
}

// TestPartialTreesNeverPanic checks every prefix of some queries: the
// partial trees the parser builds never make a rule panic, and a statement
// with a syntax error gets no semantic diagnostics.
func TestPartialTreesNeverPanic(t *testing.T) {
	md := fixture(t)
	srcs := []string{
		"SELECT Name, Manager.Name, (SELECT Name FROM Resources WHERE State = 'Active') FROM Project WHERE Manager IN (SELECT Name FROM User) AND StartDate > 2024-02-30 ORDER BY Name LIMIT 10 OFFSET 5",
		"SELECT State, COUNT(Name) AS Cnt, AVG(Work) FROM Task WHERE Name LIKE 'a%' AND Priority IN (1, 2) GROUP BY State ORDER BY Cnt DESC LIMIT 9000",
	}
	for _, src := range srcs {
		for i := range len(src) + 1 {
			f, syntax := parser.ParseFile("in.czql", []byte(src[:i]))
			ds := validate.CheckFile(f, md, syntax)
			if syntax.HasErrors() && len(ds) > 0 {
				t.Errorf("%q: semantic diagnostics on a statement with syntax errors: %v", src[:i], ds)
			}
			for _, q := range f.Queries {
				validate.Check(q, md)
				validate.Check(q, nil)
			}
		}
	}
	if info, ds := validate.Check(nil, md); info == nil || ds != nil {
		t.Error("Check(nil) must return an empty Info and no diagnostics")
	}
}

// TestReportFillsCodeAndSeverity checks that Pass.Report takes the rule's
// name and severity when the diagnostic has none, and keeps them otherwise.
func TestReportFillsCodeAndSeverity(t *testing.T) {
	r := &validate.Rule{Name: "my-rule", Severity: diag.Warning, Run: func(p *validate.Pass) {
		p.Report(diag.Diagnostic{Message: "a"})
		p.Report(diag.Diagnostic{Message: "b", Code: "other", Severity: diag.Info})
	}}
	q, _ := parser.ParseQuery("q", []byte("SELECT Name FROM Task"))
	_, ds := validate.Check(q, nil, r)
	if len(ds) != 2 || ds[0].Code != "my-rule" || ds[0].Severity != diag.Warning ||
		ds[1].Code != "other" || ds[1].Severity != diag.Info {
		t.Errorf("got %+v", ds)
	}
}

// TestDefaultRulesFresh checks that DefaultRules returns a new slice each
// call and that every rule is documented and named uniquely.
func TestDefaultRulesFresh(t *testing.T) {
	a := validate.DefaultRules()
	a[0] = nil
	seen := map[string]bool{}
	for _, r := range validate.DefaultRules() {
		if r == nil {
			t.Fatal("DefaultRules shares its slice")
		}
		if r.Doc == "" || r.Severity == diag.Invalid || seen[r.Name] {
			t.Errorf("rule %q: missing doc or severity, or duplicate name", r.Name)
		}
		seen[r.Name] = true
	}
}

// TestInfo checks the resolver's side table on one query.
func TestInfo(t *testing.T) {
	src := "SELECT name, Manager.displayname, COUNT(Work) AS w, (SELECT Name FROM resources) FROM project ORDER BY w"
	q, _ := parser.ParseQuery("q", []byte(src))
	info, _ := validate.Check(q, fixture(t))
	if e := info.Entities[q]; e == nil || e.TypeName != "Project" {
		t.Fatalf("entity = %v", e)
	}
	path := q.Select.Items[1].(*ast.FieldRef)
	fi := info.Fields[path]
	if fi == nil || fi.Status != validate.PathOK || fi.Field.Name != "DisplayName" || fi.Segments[0].Name != "Manager" {
		t.Errorf("Manager.displayname resolved to %+v", fi)
	}
	if got := info.CanonPath(path); got != "Manager.DisplayName" {
		t.Errorf("CanonPath = %q", got)
	}
	rq := q.Select.Items[3].(*ast.RelationQuery)
	if rel := info.Relations[rq]; rel == nil || rel.Name != "Resources" || info.Entities[rq.Query].TypeName != "User" {
		t.Errorf("relation = %+v", rel)
	}
	if a := info.Aliases["w"]; a == nil || info.Fields[q.OrderBy.Items[0].Field].Alias != a {
		t.Error("ORDER BY w does not resolve to the alias")
	}
}
