package render

import (
	"bytes"
	"encoding/json"
	"io"
)

// jsonWriter writes the rows as one JSON array, indented by two spaces,
// each row as the API returned it (relations nested). Rows are written as
// they arrive; only the separators are remembered.
type jsonWriter struct {
	w    io.Writer
	n    int
	buf  bytes.Buffer
	done bool
}

// WriteRow appends row to the array.
func (j *jsonWriter) WriteRow(row json.RawMessage) error {
	j.buf.Reset()
	if j.n == 0 {
		j.buf.WriteString("[\n  ")
	} else {
		j.buf.WriteString(",\n  ")
	}
	if err := json.Indent(&j.buf, row, "  ", "  "); err != nil {
		return err
	}
	j.n++
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

// Close ends the array ("[]" when there was no row).
func (j *jsonWriter) Close() error {
	if j.done {
		return nil
	}
	j.done = true
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// jsonlWriter writes one compact JSON object a line, each as soon as it
// arrives: nothing is kept between rows, so memory does not grow with the
// row count.
type jsonlWriter struct {
	w   io.Writer
	buf bytes.Buffer
}

// WriteRow writes row on a line of its own.
func (j *jsonlWriter) WriteRow(row json.RawMessage) error {
	j.buf.Reset()
	if err := json.Compact(&j.buf, row); err != nil {
		return err
	}
	j.buf.WriteByte('\n')
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

// Close does nothing: every row is already written.
func (j *jsonlWriter) Close() error { return nil }
