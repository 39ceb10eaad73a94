package gen

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/metadata"
)

// clarizen is the shared metadata fixture.
const clarizen = "../../testdata/metadata/clarizen.json"

// TestGolden generates the code of each testdata/*.txtar's metadata.json
// (for the entities its "entities" section lists, one a line) and compares
// it with its out.go section.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		src, _ := golden.Section(a, "metadata.json")
		md, err := metadata.Decode(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		var ents []string
		if list, ok := golden.Section(a, "entities"); ok {
			ents = strings.Fields(list)
		}
		out, err := Generate(md, Options{Package: "org", Entities: ents})
		if err != nil {
			t.Fatal(err)
		}
		return map[string]string{"out.go": string(out)}
	})
}

func TestErrors(t *testing.T) {
	md, err := metadata.Load(clarizen)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Package: "func"}, `package name "func" is not a Go identifier`},
		{Options{Package: "a-b"}, `package name "a-b" is not a Go identifier`},
		{Options{Package: "_"}, `package name "_" is not a Go identifier`},
		{Options{Package: "p", Entities: []string{"Task", "Tsk"}}, `unknown entity "Tsk"`},
	} {
		if _, err := Generate(md, tc.opts); err == nil || err.Error() != tc.want {
			t.Errorf("%+v: error %v, want %s", tc.opts, err, tc.want)
		}
	}
}

// TestClarizen generates the code of the whole fixture: stable, of a
// reasonable size, for a selection too.
func TestClarizen(t *testing.T) {
	md, err := metadata.Load(clarizen)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Generate(md, Options{Package: "clarizen"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(md, Options{Package: "clarizen"})
	if !bytes.Equal(a, b) {
		t.Error("two runs give different code")
	}
	if len(a) > 120_000 {
		t.Errorf("the code is %d bytes", len(a))
	}
	for _, want := range []string{"var Task = czql.Handles[TaskFields](\"\")", "\tTaskStateActive    TaskState = \"Active\"\n",
		"\tManager ", " czql.SortableRefField[UserFields]\n", "\tLastUpdatedBySystemOn ", " czql.Field\n"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("the code lacks %q", want)
		}
	}
	some, err := Generate(md, Options{Package: "clarizen", Entities: []string{"project", "Task", "TASK"}})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(some, []byte("type UserFields")) || !bytes.Contains(some, []byte("czql.SortableRefField[struct{}]")) {
		t.Error("a selection generates other entities, or references them")
	}
}
