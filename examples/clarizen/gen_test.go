package clarizen_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/czql/czql/internal/cli"
)

// TestUpToDate runs the go:generate line of doc.go with --check: the
// committed clarizen.go must be what czql gen writes now.
func TestUpToDate(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^//go:generate go run \.\./\.\./cmd/czql (.*)$`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("doc.go has no go:generate line running czql")
	}
	var stdout, stderr bytes.Buffer
	args := append(strings.Fields(string(m[1])), "--check")
	if code := cli.Main(args, strings.NewReader(""), &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("czql %s: exit %d\n%s\nrun go generate ./examples/clarizen", strings.Join(args, " "), code, &stderr)
	}
}
