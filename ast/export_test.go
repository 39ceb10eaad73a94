package ast

import (
	"io"

	"github.com/czql/czql/diag"
)

// WriteJSONWork is WriteJSON, returning also the work of its UTF-16
// columns: the bytes of source decoded and the lines looked up.
func WriteJSONWork(w io.Writer, src *diag.Source, f *File, diags diag.List) (decoded, loads int, err error) {
	j, err := NewJSONWriter(w, src)
	if err != nil {
		return 0, 0, err
	}
	j.file(f)
	err = j.Close(diags)
	return j.e.cols.decoded, j.e.cols.loads, err
}
