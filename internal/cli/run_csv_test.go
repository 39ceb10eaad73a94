package cli

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// TestRunCSVRoundTrips runs `czql run --format csv` against a sandbox
// whose values hold a lone CR, LF, CRLF, quotes and commas, and reads the
// output back with encoding/csv: every value comes back (a CRLF inside a
// field as LF, which is how encoding/csv reads it; the output keeps the
// CRLF, checked byte for byte), and records end with CRLF.
func TestRunCSVRoundTrips(t *testing.T) {
	values := []string{"a\rb", "first\nsecond", "one\r\ntwo", `say "hi"`, "a, b,,c", "x,\"y\"\nz\rw\r\nv", "last\n"}
	md, err := metadata.Load(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	data := sandbox.NewDataset()
	for i, v := range values {
		data.Add("Project", sandbox.Row{"id": "/Project/p" + string(rune('a'+i)), "Name": string(rune('a' + i)), "Description": v})
	}
	serveOrganisation(t, md, data)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"run", "--format", "csv", "--metadata", fixtureMetadataPath, "-q", "SELECT Name, Description FROM Project ORDER BY Name"},
		strings.NewReader(""), &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("exit code %d: %s", code, &stderr)
	}
	out := stdout.String()
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%q", err, out)
	}
	if len(records) != len(values)+1 || !slices.Equal(records[0], []string{"Name", "Description"}) {
		t.Fatalf("records %q", records)
	}
	for i, v := range values {
		want := []string{string(rune('a' + i)), strings.ReplaceAll(v, "\r\n", "\n")}
		if !slices.Equal(records[i+1], want) {
			t.Errorf("record %d = %q, want %q", i+1, records[i+1], want)
		}
	}
	for _, frag := range []string{"\"a\rb\"\r\n", "\"first\nsecond\"\r\n", "\"one\r\ntwo\"\r\n", "\"last\n\"\r\n"} {
		if !strings.Contains(out, frag) {
			t.Errorf("output lacks %q:\n%q", frag, out)
		}
	}
}
