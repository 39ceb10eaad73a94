package frontend

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
)

// Translate checks and translates the statements of text (the input
// called name) through the library's one pipeline, czql.TranslateEach
// with opts, and writes the requests to w as `czql translate` prints
// them, each as it is made: as bulk-execute items ({"url", "method",
// "body"}), or their bodies alone with bodyOnly; one request as an
// object, several (or none) as an array. Diagnostics go to diags as
// [Prepare] writes them; when any is an error nothing is written to w and
// the code is [ExitErrors]. A failed write of w gives [ExitUsage], after
// "writing output: …" on diags.
func Translate(w, diags io.Writer, name string, text []byte, bodyOnly bool, opts ...czql.Option) int {
	out := &requestWriter{w: w}
	ds, err := czql.TranslateEach(name, text, func(req *translate.Request) error {
		if bodyOnly {
			return out.add(req.Body)
		}
		return out.add(req.BulkItem())
	}, opts...)
	ds = withoutCheckInfos(ds)
	if code := WriteDiags(diags, name, text, ds); code != ExitOK {
		return code
	}
	if out.n == 0 && len(ds) == 0 { // the parser usually warns already
		WriteDiags(diags, name, text, diag.List{noStatements(name, text)})
	}
	if err == nil {
		err = out.close()
	}
	switch {
	case errors.Is(err, errEncoding):
		fmt.Fprintf(diags, "czql: %v\n", err)
		return ExitErrors
	case err != nil:
		fmt.Fprintf(diags, "czql: writing output: %v\n", err)
		return ExitUsage
	}
	return ExitOK // warnings alone, even "no statements", do not fail
}

// requestWriter writes the requests of `czql translate` as they are
// translated: one request as an object, several as an array, none as
// "[]", each indented by two spaces as marshalJSON indents. The first
// request waits for the second to know which of the first two it is; the
// rest are written as they come, so the output never sits in memory.
type requestWriter struct {
	w     io.Writer
	first any // the first item, until the second arrives
	n     int
	buf   bytes.Buffer
}

// errEncoding marks a request that JSON could not encode (not a failed
// write).
var errEncoding = errors.New("encoding JSON")

// add writes item, a request body or bulk item.
func (r *requestWriter) add(item any) error {
	r.n++
	switch r.n {
	case 1:
		r.first = item
		return nil
	case 2:
		if err := r.element("[\n  ", r.first); err != nil {
			return err
		}
		r.first = nil
	}
	return r.element(",\n  ", item)
}

// element writes sep and item as an element of the array.
func (r *requestWriter) element(sep string, item any) error {
	r.buf.Reset()
	r.buf.WriteString(sep)
	if err := encodeJSON(&r.buf, item, "  "); err != nil {
		return err
	}
	_, err := r.w.Write(bytes.TrimSuffix(r.buf.Bytes(), []byte("\n")))
	return err
}

// close ends the output.
func (r *requestWriter) close() error {
	switch r.n {
	case 0:
		_, err := io.WriteString(r.w, "[]\n")
		return err
	case 1:
		r.buf.Reset()
		if err := encodeJSON(&r.buf, r.first, ""); err != nil {
			return err
		}
		_, err := r.w.Write(r.buf.Bytes())
		return err
	}
	_, err := io.WriteString(r.w, "\n]\n")
	return err
}

// encodeJSON appends v to buf as marshalJSON encodes it, every line but
// the first after prefix.
func encodeJSON(buf *bytes.Buffer, v any, prefix string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return errors.Join(errEncoding, err)
	}
	return nil
}
