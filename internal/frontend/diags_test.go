package frontend

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

func TestUseColor(t *testing.T) {
	if useColor(&bytes.Buffer{}) {
		t.Error("useColor(buffer) = true")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useColor(f) {
		t.Error("useColor(regular file) = true")
	}
	t.Setenv("NO_COLOR", "1")
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if useColor(tty) {
			t.Error("useColor(tty) = true with NO_COLOR set")
		}
	}
}

func TestWriteDiagsShowsTenAndCountsTheRest(t *testing.T) {
	text := []byte("SELECT a FROM T;\n")
	var l diag.List
	for i := range 12 {
		l = append(l, diag.Diagnostic{Severity: diag.Warning, Code: "w", Message: fmt.Sprintf("warning %02d", i)})
	}
	var w bytes.Buffer
	if code := WriteDiags(&w, "q.czql", text, l); code != ExitOK {
		t.Errorf("warnings only: exit %d, want %d", code, ExitOK)
	}
	if n := strings.Count(w.String(), "warning[w]"); n != 10 {
		t.Errorf("%d diagnostics shown, want 10:\n%s", n, &w)
	}
	if !strings.HasSuffix(w.String(), "\nq.czql: 2 more diagnostics not shown\n") {
		t.Errorf("no count of the rest:\n%s", &w)
	}
	w.Reset()
	l = append(l, diag.Diagnostic{Severity: diag.Error, Code: "e", Message: "an error"})
	if code := WriteDiags(&w, "q.czql", text, l); code != ExitErrors {
		t.Errorf("with an error: exit %d, want %d", code, ExitErrors)
	}
	if code := WriteDiags(&w, "q.czql", text, nil); code != ExitOK {
		t.Errorf("none: exit %d, want %d", code, ExitOK)
	}
}
