package gen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
)

// module is the import path of this module.
const module = "github.com/czql/czql"

// goodProgram uses the code generated from the fixture as intended.
const goodProgram = `package main

import (
	"fmt"
	"time"

	"github.com/czql/czql"
	"PKG"
)

func main() {
	t := clarizen.Task
	due := time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC)
	q := czql.SelectFields(t.Name, t.DueDate, t.Manager.Fields().Name).FromEntity(t).
		Where(t.State.In(clarizen.TaskStateActive, clarizen.TaskStateOnHold), t.DueDate.Lt(due),
			t.Priority.Ge(3), t.Manager.Fields().Name.Like("K%"), t.Project.Path("Name").Eq("Apollo"),
			t.EntityType.Eq("Task"), t.Importance.Eq(clarizen.ImportanceHigh),
			t.Manager.InQuery(czql.SelectFields(clarizen.User.Name).FromEntity(clarizen.User).
				Where(clarizen.User.State.Eq(clarizen.UserStateActive)))).
		OrderByField(t.DueDate, czql.Desc).OrderByField(t.Manager.Fields().Name, czql.Asc).Limit(10)
	fmt.Println(q.CZQL())
	agg := czql.SelectFields(t.State).FromEntity(t).Aggregate(czql.Count, t.Name.String(), "N").GroupByFields(t.State)
	fmt.Println(agg.CZQL())
}
`

// goodOutput is what goodProgram prints.
const goodOutput = `SELECT Name, DueDate, Manager.Name
FROM Task
WHERE State IN ('Active', 'On Hold')
  AND DueDate < 2024-06-01T17:00:00Z
  AND Priority >= 3
  AND Manager.Name LIKE 'K%'
  AND Project.Name = 'Apollo'
  AND EntityType = 'Task'
  AND Importance = 'High'
  AND Manager IN (SELECT Name FROM User WHERE State = 'Active')
ORDER BY DueDate DESC, Manager.Name ASC
LIMIT 10 <nil>
SELECT State, COUNT(Name) AS N FROM Task GROUP BY State <nil>
`

// badPrograms are wrong uses of the generated code, each with the
// compiler's complaint.
var badPrograms = map[string]struct{ body, want string }{
	"wrongtype":    {`_ = clarizen.Task.DueDate.Eq("soon")`, `cannot use "soon" (untyped string constant) as time.Time value`},
	"notfilter":    {`_ = clarizen.Task.LastUpdatedBySystemOn.Eq(time.Now())`, `clarizen.Task.LastUpdatedBySystemOn.Eq undefined`},
	"notsortable":  {`_ = czql.Select("Name").From("Task").OrderByField(clarizen.Task.Description, czql.Asc)`, `clarizen.Task.Description (variable of struct type czql.StringField) as czql.Sortable value`},
	"wrongpick":    {`_ = clarizen.Task.State.Eq(clarizen.ImportanceHigh)`, `cannot use clarizen.ImportanceHigh (constant "High" of string type clarizen.ImportanceValue) as clarizen.TaskState value`},
	"wrongnumber":  {`_ = clarizen.Task.Priority.Eq(2.5)`, `cannot use 2.5 (untyped float constant) as int value`},
	"nolike":       {`_ = clarizen.Task.Priority.Like("1%")`, `clarizen.Task.Priority.Like undefined`},
	"runtimecond":  {`s := "Name = 1"; _ = czql.Condition(s, nil)`, `cannot use s (variable of type string) as czql.conditionText value`},
	"notreference": {`_ = clarizen.Task.Name.Fields()`, `clarizen.Task.Name.Fields undefined`},
}

// TestGeneratedCodeCompiles generates the code of the fixture into a
// package under testdata (inside this module, so nothing is downloaded),
// vets it, runs a program built on it, and checks that wrong uses do not
// compile.
func TestGeneratedCodeCompiles(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found:", err)
	}
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	dir, err := os.MkdirTemp("testdata", "compile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	pkg := module + "/internal/gen/" + filepath.ToSlash(dir)
	writeGenerated(t, filepath.Join(dir, "clarizen"))
	writeProgram(t, filepath.Join(dir, "good"), strings.Replace(goodProgram, "PKG", pkg+"/clarizen", 1))
	var bad []string
	for name, p := range badPrograms {
		writeProgram(t, filepath.Join(dir, name), badSource(pkg, p.body))
		bad = append(bad, "./"+filepath.ToSlash(filepath.Join(dir, name)))
	}
	if out, err := goRun(goCmd, "vet", "./"+dir+"/clarizen", "./"+dir+"/good"); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	if out, err := goRun(goCmd, "run", "./"+dir+"/good"); err != nil || out != goodOutput {
		t.Errorf("go run: %v\ngot:\n%s\nwant:\n%s", err, out, goodOutput)
	}
	out, err := goRun(goCmd, append([]string{"build", "-o", os.DevNull}, bad...)...)
	if err == nil {
		t.Fatal("the wrong uses compile")
	}
	for name, p := range badPrograms {
		if !strings.Contains(out, p.want) {
			t.Errorf("%s: the compiler does not say %q", name, p.want)
		}
	}
	if t.Failed() {
		t.Logf("go build:\n%s", out)
	}
}

// writeGenerated writes the code of the fixture into dir.
func writeGenerated(t *testing.T, dir string) {
	md, err := metadata.Load(clarizen)
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(md, Options{Package: "clarizen"})
	if err != nil {
		t.Fatal(err)
	}
	writeProgram(t, dir, string(src))
}

// writeProgram writes src as the one file of the package in dir.
func writeProgram(t *testing.T, dir, src string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// badSource is a program whose main holds body.
func badSource(pkg, body string) string {
	return "package main\n\nimport (\n\t\"time\"\n\n\t\"github.com/czql/czql\"\n\t\"" + pkg + "/clarizen\"\n)\n\n" +
		"var _ = time.Now\nvar _ = czql.Select\nvar _ = clarizen.Task\n\nfunc main() {\n\t" + body + "\n}\n"
}

// goRun runs the go command offline, from the module's root, and
// returns its combined output.
func goRun(goCmd string, args ...string) (string, error) {
	cmd := exec.Command(goCmd, args...)
	cmd.Dir = "."
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}
