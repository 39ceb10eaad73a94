package ast

import (
	"io"

	"github.com/czql/czql/diag"
)

// WriteJSONWork is WriteJSON, returning also the work of its UTF-16
// columns: the bytes of source decoded and the lines looked up.
func WriteJSONWork(w io.Writer, src *diag.Source, f *File, diags diag.List) (decoded, loads int, err error) {
	e := &jsonEncoder{w: w, buf: make([]byte, 0, bufSize), cols: utf16Cols{src: src}}
	e.file(src.Name, f, diags)
	e.flush()
	return e.cols.decoded, e.cols.loads, e.err
}
