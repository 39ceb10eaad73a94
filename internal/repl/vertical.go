package repl

import (
	"encoding/json"
	"fmt"
	"github.com/czql/czql/internal/render"
	"io"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/internal/cli"
)

// minVerticalValueWidth is the least room a value of vertical display is
// cut to: when the display leaves less beside the field names, values
// overflow instead of being cut to a few letters.
const minVerticalValueWidth = 10

// verticalSeparator is between a field name and its value.
const verticalSeparator = " | "

// field is one "Name | value" line of vertical display.
type field struct{ label, value string }

// writeVertical writes each row as a block headed "-[ RECORD n ]" with
// one "Field | value" line a column, the field names padded to the
// widest of the result. The items of a relation sub-select follow its
// line as "Resources[1].Name | …" lines. Values are kept on one line
// and, on a display of limited width (width > 0), cut with "…" to what
// the field names leave (unless that is below minVerticalValueWidth).
func writeVertical(w io.Writer, body api.Body, rows []json.RawMessage, width int) error {
	records := make([][]field, len(rows))
	labelWidth := 0
	for i, row := range rows {
		fields, err := recordFields(body, row, "")
		if err != nil {
			return err
		}
		records[i] = fields
		for _, f := range fields {
			labelWidth = max(labelWidth, render.DisplayWidth(f.label))
		}
	}
	valueWidth := verticalValueWidth(width, labelWidth)
	var b strings.Builder
	for i, fields := range records {
		fmt.Fprintf(&b, "-[ RECORD %d ]\n", i+1)
		for _, f := range fields {
			value := f.value
			if valueWidth > 0 {
				value = render.CutToWidth(value, valueWidth)
			}
			b.WriteString(strings.TrimRight(render.PadRight(f.label, labelWidth)+verticalSeparator+value, " ") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// verticalValueWidth is the width values are cut to beside field names
// labelWidth wide on a display width wide; 0 means they are not cut.
func verticalValueWidth(width, labelWidth int) int {
	room := width - labelWidth - len(verticalSeparator)
	if width <= 0 || room < minVerticalValueWidth {
		return 0
	}
	return room
}

// recordFields returns the lines of one row of the result of body, field
// names prefixed with prefix: a line a column, each relation column
// followed by the fields of its items, named "Resources[1].Name".
func recordFields(body api.Body, row json.RawMessage, prefix string) ([]field, error) {
	cells, err := cli.RowCells(body, row)
	if err != nil {
		return nil, err
	}
	rels := relationsOf(body)
	items, err := relationItems(rels, row)
	if err != nil {
		return nil, err
	}
	isRelation := cli.RelationColumns(body)
	var fields []field
	k := 0 // the relation of the next relation column
	for i, h := range cli.ResultHeader(body) {
		fields = append(fields, field{label: render.OneLine(prefix + h), value: render.OneLine(cells[i])})
		if !isRelation[i] || k >= len(items) {
			continue
		}
		sub, err := itemFields(rels[k], items[k], prefix+h)
		if err != nil {
			return nil, err
		}
		fields = append(fields, sub...)
		k++
	}
	return fields, nil
}

// itemFields returns the lines of the items of rel, named
// "name[1].Field", "name[2].Field"….
func itemFields(rel api.Relation, items []json.RawMessage, name string) ([]field, error) {
	var fields []field
	for j, item := range items {
		sub, err := recordFields(relationBody(rel), item, fmt.Sprintf("%s[%d].", name, j+1))
		if err != nil {
			return nil, err
		}
		fields = append(fields, sub...)
	}
	return fields, nil
}
