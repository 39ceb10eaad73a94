package cli

import (
	"bytes"
	"context"
	"io"
	"os"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/translate"
)

// This file is the small exported surface that czql-repl (internal/repl)
// reuses: the connection and the checks and reports of `czql run`. (The
// result rendering is package internal/render.)

// Prepare parses, validates against md (when not nil) and translates the
// statements of text, as `czql run` does. Diagnostics go to stderr with
// source snippets; when any is an error nothing is returned and the code
// is [ExitErrors].
func Prepare(ctx context.Context, stderr io.Writer, name string, text []byte, md *metadata.Metadata) ([]*translate.Request, int) {
	e := &env{ctx: ctx, stdout: stderr, stderr: stderr}
	return prepare(e, &input{name: name, text: text}, md, &translate.Options{Source: text})
}

// TranslateJSON returns the JSON requests of the statements of text, as
// `czql translate` prints them, or reports the diagnostics on stderr.
func TranslateJSON(ctx context.Context, stderr io.Writer, name string, text []byte, md *metadata.Metadata) ([]byte, int) {
	e := &env{ctx: ctx, stdout: stderr, stderr: stderr}
	var out bytes.Buffer
	if code := translateInput(e, &out, &input{name: name, text: text}, md, &translate.Options{Source: text}, false); code != ExitOK {
		return nil, code
	}
	return out.Bytes(), ExitOK
}

// WriteDiags writes l with source snippets from text to w, as the
// commands do, and returns [ExitErrors] when l holds an error.
func WriteDiags(w io.Writer, name string, text []byte, l diag.List) int {
	return writeDiags(&env{stderr: w}, &input{name: name, text: text}, l)
}

// ReportError writes err as `czql run` reports API and network failures
// and returns its exit code.
func ReportError(stderr io.Writer, err error) int {
	return exitForError(&env{ctx: context.Background(), stderr: stderr}, err)
}

// EntityFields describes the fields of ent as `czql metadata show
// --entity` does: name, type, label and flags, aligned.
func EntityFields(ent *metadata.Entity) string { return entityFields(ent) }

// ReplaceFile writes data to path with permission perm so that readers see
// the old contents or the new ones, never a part (see replaceFile): the
// REPL's history compaction uses it.
func ReplaceFile(path string, data []byte, perm os.FileMode) error {
	return replaceFile(path, data, perm)
}
