package czql_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/internal/cli"
)

// TestTranslateMatchesTheCommand checks that json.Marshal(req.Body) is
// what `czql translate --body` prints and req.BulkItem() what `czql
// translate` prints (compared without indentation), with metadata and
// parameters, for entity and aggregate queries.
func TestTranslateMatchesTheCommand(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		"SELECT name, manager.name FROM task WHERE state IN ('Active', 'Draft') AND duedate < :due ORDER BY duedate DESC LIMIT 5",
		"SELECT State, COUNT(Name) AS N FROM Task GROUP BY State",
	} {
		q, diags := czql.ParseQuery(src)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		req, diags := czql.Translate(q, czql.WithMetadata(md), czql.WithParams(map[string]any{"due": "2024-06-01"}))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		body, _ := json.Marshal(req.Body)
		item, _ := json.Marshal(req.BulkItem())
		for _, tc := range []struct {
			args []string
			want []byte
		}{
			{[]string{"translate", "--body", "--metadata", fixture, "-p", "due='2024-06-01'", "-q", src}, body},
			{[]string{"translate", "--metadata", fixture, "-p", "due='2024-06-01'", "-q", src}, item},
		} {
			var stdout, stderr bytes.Buffer
			if code := cli.Main(tc.args, strings.NewReader(""), &stdout, &stderr); code != cli.ExitOK {
				t.Fatalf("%v: exit %d: %s", tc.args, code, &stderr)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, stdout.Bytes()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(compact.Bytes(), tc.want) {
				t.Errorf("%v:\n command %s\n library %s", tc.args, &compact, tc.want)
			}
		}
	}
}
