package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

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
