package render

import (
	"fmt"
	"strings"
)

// minVerticalValueWidth is the least room a value of vertical display is
// cut to: when the display leaves less beside the field names, values
// overflow instead of being cut to a few letters.
const minVerticalValueWidth = 10

// verticalSeparator is between a field name and its value.
const verticalSeparator = " | "

// field is one "Name | value" line of vertical display.
type field struct{ label, value string }

// verticalText returns g in vertical display: each row as a block
// headed "-[ RECORD n ]" with one "Field | value" line a column, the
// field names padded to the widest of the result. The items of a
// relation sub-select follow its line as "Resources[1].Name | …" lines.
// Values are kept on one line and, on a display of limited width
// (width > 0), cut with "…" to what the field names leave (unless that
// is below minVerticalValueWidth).
func verticalText(g *grid, width int) string {
	records := make([][]field, len(g.rows))
	labelWidth := 0
	for i, r := range g.rows {
		records[i] = recordFields(g, r, "", nil)
		for _, f := range records[i] {
			labelWidth = max(labelWidth, DisplayWidth(f.label))
		}
	}
	valueWidth := verticalValueWidth(width, labelWidth)
	var b strings.Builder
	for i, fields := range records {
		fmt.Fprintf(&b, "-[ RECORD %d ]\n", i+1)
		for _, f := range fields {
			value := f.value
			if valueWidth > 0 {
				value = CutToWidth(value, valueWidth)
			}
			b.WriteString(strings.TrimRight(PadRight(f.label, labelWidth)+verticalSeparator+value, " ") + "\n")
		}
	}
	return b.String()
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

// recordFields appends to fields the lines of row r of g, field names
// prefixed with prefix: a line a column, each relation column followed
// by the lines of its items, named "Resources[1].Name".
func recordFields(g *grid, r gridRow, prefix string, fields []field) []field {
	for i, h := range g.header {
		fields = append(fields, field{label: prefix + h, value: r.cells[i]})
		for _, n := range r.nested {
			if n.column != i {
				continue
			}
			for j, item := range n.grid.rows {
				fields = recordFields(n.grid, item, fmt.Sprintf("%s%s[%d].", prefix, h, j+1), fields)
			}
		}
	}
	return fields
}
