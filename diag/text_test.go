package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// span returns the range of the first occurrence of sub in src.
func span(t *testing.T, src *Source, sub string) Range {
	t.Helper()
	i := strings.Index(string(src.Text), sub)
	if i < 0 {
		t.Fatalf("%q not in source", sub)
	}
	return src.Range(i, i+len(sub))
}

// render returns what WriteText writes.
func render(t *testing.T, src *Source, d Diagnostic, opt TextOptions) string {
	t.Helper()
	var b strings.Builder
	if err := WriteText(&b, src, d, opt); err != nil {
		t.Fatalf("WriteText: %v", err)
	}
	return b.String()
}

func unknownField(r Range, suggestions ...string) Diagnostic {
	d := Errorf("unknown-field", r, `entity "Task" has no field "DueDat"`)
	for _, s := range suggestions {
		d.Suggestions = append(d.Suggestions, Suggestion{Message: s})
	}
	return d
}

const query = "-- tasks due soon\nSELECT Name\n  , DueDat FROM Task\n"

func TestWriteText(t *testing.T) {
	tests := []struct {
		name string
		text string
		d    func(src *Source) Diagnostic
		want string
	}{
		{
			name: "plain",
			text: "-- find tasks\n\nSELECT Name, DueDat FROM Task\n",
			d: func(src *Source) Diagnostic {
				return unknownField(src.Range(28, 34), `did you mean "DueDate"?`)
			},
			want: `q.czql:3:14: error[unknown-field]: entity "Task" has no field "DueDat"
   3 | SELECT Name, DueDat FROM Task
     |              ^^^^^^ did you mean "DueDate"?
`,
		},
		{
			name: "no suggestion",
			text: "SELECT DueDat FROM Task",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(7, 13)) },
			want: `q.czql:1:8: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT DueDat FROM Task
     |        ^^^^^^
`,
		},
		{
			name: "tabs before the range",
			text: "SELECT\tName,\tDueDat FROM Task",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(13, 19)) },
			want: `q.czql:1:14: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT  Name,   DueDat FROM Task
     |                 ^^^^^^
`,
		},
		{
			name: "tab inside the range",
			text: "SELECT\tName,\tDueDat FROM Task",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(7, 19)) },
			want: `q.czql:1:8: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT  Name,   DueDat FROM Task
     |         ^^^^^^^^^^^^^^
`,
		},
		{
			name: "two-byte rune before the range",
			text: "SELECT 'é', DueDat FROM Task",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(13, 19)) },
			want: `q.czql:1:14: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT 'é', DueDat FROM Task
     |             ^^^^^^
`,
		},
		{
			name: "wide runes before and in the range",
			text: "SELECT '日本', 日本 FROM Task",
			d: func(src *Source) Diagnostic {
				return unknownField(src.Range(17, 23))
			},
			want: `q.czql:1:18: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT '日本', 日本 FROM Task
     |                ^^^^
`,
		},
		{
			name: "combining mark",
			text: "SELECT 'e\u0301', DueDat",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(14, 20)) },
			want: "q.czql:1:15: error[unknown-field]: entity \"Task\" has no field \"DueDat\"\n" +
				"   1 | SELECT 'e\u0301', DueDat\n" +
				"     |             ^^^^^^\n",
		},
		{
			name: "invalid UTF-8 before the range",
			text: "SELECT '\xff\xfe', DueDat FROM Task",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(13, 19)) },
			want: `q.czql:1:14: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT '��', DueDat FROM Task
     |              ^^^^^^
`,
		},
		{
			name: "control characters are not printed",
			text: "SELECT '\x1b[2J\u202e', DueDat",
			d:    func(src *Source) Diagnostic { return unknownField(src.Range(18, 24)) },
			want: `q.czql:1:19: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT '�[2J�', DueDat
     |                 ^^^^^^
`,
		},
		{
			name: "CRLF source",
			text: "SELECT Name,\r\n DueDat\r\nFROM Task\r\n",
			d: func(src *Source) Diagnostic {
				return unknownField(src.Range(15, 23)) // DueDat plus its \r\n
			},
			want: `q.czql:2:2: error[unknown-field]: entity "Task" has no field "DueDat"
   2 |  DueDat
     |  ^^^^^^
`,
		},
		{
			name: "empty range",
			text: "SELECT Name FROM",
			d: func(src *Source) Diagnostic {
				return Errorf("syntax", src.Range(16, 16), "unexpected end of input, expected an entity name")
			},
			want: `q.czql:1:17: error[syntax]: unexpected end of input, expected an entity name
   1 | SELECT Name FROM
     |                 ^
`,
		},
		{
			name: "empty range on a tab",
			text: "SELECT\tName",
			d: func(src *Source) Diagnostic {
				return Errorf("syntax", src.Range(6, 6), "missing comma")
			},
			want: `q.czql:1:7: error[syntax]: missing comma
   1 | SELECT  Name
     |       ^
`,
		},
		{
			name: "range past the end of the text",
			text: "SELECT Name\nFROM Task\n",
			d: func(src *Source) Diagnostic {
				r := Range{Start: Pos{Offset: 90, Line: 9, Col: 4}, End: Pos{Offset: 95, Line: 9, Col: 9}}
				return Errorf("syntax", r, "unexpected end of input")
			},
			want: `q.czql:9:4: error[syntax]: unexpected end of input
   3 |
     | ^
`,
		},
		{
			name: "column past the end of its line",
			text: "SELECT Name\nFROM Task",
			d: func(src *Source) Diagnostic {
				r := Range{Start: Pos{Offset: 8, Line: 1, Col: 9}, End: Pos{Offset: 40, Line: 1, Col: 40}}
				return Errorf("syntax", r, "bad range")
			},
			want: `q.czql:1:9: error[syntax]: bad range
   1 | SELECT Name
     |         ^^^
`,
		},
		{
			name: "end before start",
			text: "SELECT Name",
			d: func(src *Source) Diagnostic {
				r := Range{Start: Pos{Offset: 7, Line: 1, Col: 8}, End: Pos{Offset: 2, Line: 1, Col: 3}}
				return Errorf("syntax", r, "bad range")
			},
			want: `q.czql:1:8: error[syntax]: bad range
   1 | SELECT Name
     |        ^
`,
		},
		{
			name: "zero range",
			text: "SELECT Name",
			d: func(src *Source) Diagnostic {
				d := Errorf("empty", Range{}, "no statement")
				d.Suggestions = []Suggestion{{Message: "write a SELECT statement"}}
				return d
			},
			want: `q.czql: error[empty]: no statement
     = help: write a SELECT statement
`,
		},
		{
			name: "multi-line range",
			text: query,
			d: func(src *Source) Diagnostic {
				i := strings.Index(query, "Name")
				return Diagnostic{Severity: Warning, Code: "long", Message: "select list spans lines",
					Range: src.Range(i, i+16)}
			},
			want: `q.czql:2:8: warning[long]: select list spans lines
   2 | SELECT Name
     |        ^^^^
`,
		},
		{
			name: "multi-line range starting at the line end",
			text: query,
			d: func(src *Source) Diagnostic {
				i := strings.Index(query, "Name") + 4
				return Diagnostic{Severity: Info, Code: "layout", Message: "line break", Range: src.Range(i, i+3)}
			},
			want: `q.czql:2:12: info[layout]: line break
   2 | SELECT Name
     |            ^
`,
		},
		{
			name: "empty source",
			text: "",
			d: func(src *Source) Diagnostic {
				return Errorf("syntax", src.Range(0, 0), "empty query")
			},
			want: `q.czql:1:1: error[syntax]: empty query
   1 |
     | ^
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := NewSource("q.czql", []byte(tt.text))
			got := render(t, src, tt.d(src), TextOptions{})
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestWriteTextFull(t *testing.T) {
	text := "SELECT Name, DueDat\nFROM Task\nWHERE (DueDat > '2024-01-01'\n"
	src := NewSource("q.czql", []byte(text))
	d := unknownField(span(t, src, "DueDat"),
		`did you mean "DueDate"?`, `did you mean "StartDate"?`, `remove the field`)
	d.Detail = "Fields are looked up in the metadata of the entity.\n\nRun \"czql metadata fetch\" to refresh it.\n"
	d.Related = []Related{
		{Range: span(t, src, "Task"), Message: `entity "Task" is named here`},
		{Range: span(t, src, "("), Message: "unclosed parenthesis"},
		{Message: "a note without a place"},
	}
	want := `q.czql:1:14: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT Name, DueDat
     |              ^^^^^^ did you mean "DueDate"?
     = Fields are looked up in the metadata of the entity.

       Run "czql metadata fetch" to refresh it.
     = help: did you mean "StartDate"?
     = help: remove the field
q.czql:2:6: note: entity "Task" is named here
   2 | FROM Task
     |      ^^^^
q.czql:3:7: note: unclosed parenthesis
   3 | WHERE (DueDat > '2024-01-01'
     |       ^
q.czql: note: a note without a place
`
	if got := render(t, src, d, TextOptions{}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteTextNilSource(t *testing.T) {
	r := Range{Start: Pos{Offset: 30, Line: 3, Col: 14}, End: Pos{Offset: 36, Line: 3, Col: 20}}
	d := unknownField(r, `did you mean "DueDate"?`)
	d.Detail = "Check the spelling."
	d.Related = []Related{{Range: r, Message: "here"}}
	want := `3:14: error[unknown-field]: entity "Task" has no field "DueDat"
     (source not available)
     = Check the spelling.
     = help: did you mean "DueDate"?
3:14: note: here
     (source not available)
`
	if got := render(t, nil, d, TextOptions{}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := render(t, nil, Diagnostic{}, TextOptions{Color: true}); got != "\x1b[1minvalid: \x1b[0m\n" {
		t.Errorf("zero diagnostic: got %q", got)
	}
}

func TestWriteTextGutter(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "-- line %d\n", i)
	}
	src := NewSource("long.czql", []byte(b.String()))
	line := func(n int) Range {
		i := strings.Index(b.String(), fmt.Sprintf("-- line %d\n", n))
		return src.Range(i+3, i+7)
	}
	d := Diagnostic{Severity: Warning, Code: "w", Message: "far down", Range: line(100),
		Related: []Related{{Range: line(7), Message: "near the top"}}}
	want := `long.czql:100:4: warning[w]: far down
   100 | -- line 100
       |    ^^^^
long.czql:7:4: note: near the top
     7 | -- line 7
       |    ^^^^
`
	if got := render(t, src, d, TextOptions{}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	d.Related = nil
	d.Range = line(9)
	want = `long.czql:9:4: warning[w]: far down
   9 | -- line 9
     |    ^^^^
`
	if got := render(t, src, d, TextOptions{}); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteTextColor(t *testing.T) {
	src := NewSource("q.czql", []byte("SELECT DueDat FROM Task"))
	r := span(t, src, "DueDat")
	tests := []struct {
		sev  Severity
		want string
	}{
		{Error, "\x1b[1mq.czql:1:8: \x1b[31merror\x1b[39m[c]: m\x1b[0m\n" +
			"   1 | SELECT DueDat FROM Task\n" +
			"     |        \x1b[31m^^^^^^\x1b[0m did you mean \"DueDate\"?\n"},
		{Warning, "\x1b[1mq.czql:1:8: \x1b[33mwarning\x1b[39m[c]: m\x1b[0m\n" +
			"   1 | SELECT DueDat FROM Task\n" +
			"     |        \x1b[33m^^^^^^\x1b[0m did you mean \"DueDate\"?\n"},
		{Info, "\x1b[1mq.czql:1:8: \x1b[36minfo\x1b[39m[c]: m\x1b[0m\n" +
			"   1 | SELECT DueDat FROM Task\n" +
			"     |        \x1b[36m^^^^^^\x1b[0m did you mean \"DueDate\"?\n"},
	}
	for _, tt := range tests {
		t.Run(tt.sev.String(), func(t *testing.T) {
			d := Diagnostic{Severity: tt.sev, Code: "c", Message: "m", Range: r,
				Suggestions: []Suggestion{{Message: `did you mean "DueDate"?`}}}
			if got := render(t, src, d, TextOptions{Color: true}); got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
			if got := render(t, src, d, TextOptions{}); strings.Contains(got, "\x1b") {
				t.Errorf("colour off but escape codes written: %q", got)
			}
		})
	}
	t.Run("note", func(t *testing.T) {
		d := Diagnostic{Severity: Error, Code: "c", Message: "m", Range: r,
			Related: []Related{{Range: r, Message: "here"}}}
		got := render(t, src, d, TextOptions{Color: true})
		want := "\x1b[1mq.czql:1:8: note: here\x1b[0m\n" +
			"   1 | SELECT DueDat FROM Task\n" +
			"     |        ^^^^^^\n"
		if !strings.HasSuffix(got, want) {
			t.Errorf("got:\n%q\nwant suffix:\n%q", got, want)
		}
	})
}

func TestWriteList(t *testing.T) {
	src := NewSource("-", []byte("SELECT Nme, DueDat FROM Task"))
	l := List{
		unknownField(span(t, src, "Nme")),
		{Severity: Warning, Code: "w", Message: "second", Range: span(t, src, "Task")},
	}
	want := `-:1:8: error[unknown-field]: entity "Task" has no field "DueDat"
   1 | SELECT Nme, DueDat FROM Task
     |        ^^^

-:1:25: warning[w]: second
   1 | SELECT Nme, DueDat FROM Task
     |                         ^^^^
`
	var b strings.Builder
	if err := WriteList(&b, src, l, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteList(&b, src, nil, TextOptions{}); err != nil || b.Len() != 0 {
		t.Errorf("empty list: wrote %q, err %v", b.String(), err)
	}
}

type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	src := NewSource("q", []byte("x"))
	d := Errorf("c", src.Range(0, 1), "m")
	if err := WriteText(failWriter{}, src, d, TextOptions{}); !errors.Is(err, errWrite) {
		t.Errorf("WriteText: got %v, want %v", err, errWrite)
	}
	if err := WriteList(failWriter{}, src, List{d}, TextOptions{}); !errors.Is(err, errWrite) {
		t.Errorf("WriteList: got %v, want %v", err, errWrite)
	}
}

// TestWriteTextOddRanges checks that hand-made and corrupt ranges never make
// the renderer panic and always produce the header and one caret line.
func TestWriteTextOddRanges(t *testing.T) {
	texts := []string{"", "\n", "\r\n", "SELECT\n\xff\xfe\n", "日本\té"}
	ranges := []Range{
		{Start: Pos{Line: 1, Col: -5}, End: Pos{Line: 1, Col: -1}},
		{Start: Pos{Line: 1, Col: 1 << 40}, End: Pos{Line: 1 << 40, Col: 1}},
		{Start: Pos{Offset: -3, Line: 2, Col: 2}, End: Pos{Line: -1, Col: 9}},
		{Start: Pos{Line: 3, Col: 2}, End: Pos{Line: 2, Col: 1}},
		{Start: Pos{Line: 1, Col: 2}, End: Pos{Line: 1, Col: 4}}, // inside a rune
	}
	for _, text := range texts {
		src := NewSource("q", []byte(text))
		for _, r := range ranges {
			d := Errorf("c", r, "m")
			got := render(t, src, d, TextOptions{Color: true})
			if !strings.HasPrefix(got, "\x1b[1mq:") || strings.Count(got, "^") == 0 {
				t.Errorf("text %q, range %v: got %q", text, r, got)
			}
		}
	}
}

func TestFormatLine(t *testing.T) {
	r := Range{Start: Pos{Offset: 30, Line: 3, Col: 14}, End: Pos{Offset: 36, Line: 3, Col: 20}}
	tests := []struct {
		d    Diagnostic
		path string
		want string
	}{
		{unknownField(r), "q.czql", `q.czql:3:14: error[unknown-field]: entity "Task" has no field "DueDat"`},
		{unknownField(r), "", `3:14: error[unknown-field]: entity "Task" has no field "DueDat"`},
		{unknownField(Range{}), "<query>", `<query>: error[unknown-field]: entity "Task" has no field "DueDat"`},
		{Diagnostic{Severity: Warning, Message: "m", Range: r}, "-", `-:3:14: warning: m`},
		{Diagnostic{Message: "m"}, "", `invalid: m`},
	}
	for _, tt := range tests {
		if got := tt.d.FormatLine(tt.path); got != tt.want {
			t.Errorf("FormatLine(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestUTF16Col(t *testing.T) {
	tests := []struct {
		line    string
		byteCol int
		want    int
	}{
		{"SELECT Name", 1, 1},
		{"SELECT Name", 8, 8},
		{"SELECT Name", 12, 12},
		{"SELECT Name", 99, 12},
		{"SELECT Name", 0, 1},
		{"SELECT Name", -4, 1},
		{"'é' Name", 5, 4},        // é is 2 bytes, 1 unit
		{"'日本' Name", 9, 5},       // each 3 bytes, 1 unit
		{"'😀' Name", 7, 5},        // 4 bytes, 2 units
		{"'😀' Name", 4, 2},        // inside the emoji
		{"'\xff\xfe' Name", 5, 5}, // invalid bytes, 1 unit each
		{"", 3, 1},
	}
	for _, tt := range tests {
		if got := UTF16Col(tt.line, tt.byteCol); got != tt.want {
			t.Errorf("UTF16Col(%q, %d) = %d, want %d", tt.line, tt.byteCol, got, tt.want)
		}
	}
}

func TestExpandLine(t *testing.T) {
	tests := []struct {
		line string
		want string
		cols []int
	}{
		{"a\tb", "a   b", []int{0, 1, 4, 5}},
		{"\t\t", "        ", []int{0, 4, 8}},
		{"abcd\te", "abcd    e", []int{0, 1, 2, 3, 4, 8, 9}},
		{"é", "é", []int{0, 0, 1}},
		{"日a", "日a", []int{0, 0, 0, 2, 3}},
		{"\xffa", "\uFFFDa", []int{0, 1, 2}},
		{"a\x00", "a\uFFFD", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		got, cols := expandLine(tt.line)
		if got != tt.want || fmt.Sprint(cols) != fmt.Sprint(tt.cols) {
			t.Errorf("expandLine(%q) = %q, %v; want %q, %v", tt.line, got, cols, tt.want, tt.cols)
		}
	}
}

// FuzzWriteText checks that any text and any range render without panicking,
// with the header first and, for a valid start, exactly one caret run on the
// line after the source line.
func FuzzWriteText(f *testing.F) {
	f.Add("SELECT Name, DueDat FROM Task", 13, 19, 1, 14)
	f.Add("a\tb\r\n日本\xff\n", 5, 2, 3, -1)
	f.Fuzz(func(t *testing.T, text string, start, end, line, col int) {
		src := NewSource("q", []byte(text))
		ds := []Diagnostic{
			Errorf("c", src.Range(start, end), "m"),
			Errorf("c", Range{Start: Pos{Offset: start, Line: line, Col: col}, End: src.Pos(end)}, "m"),
		}
		for _, d := range ds {
			got := render(t, src, d, TextOptions{})
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if lines[0] != d.FormatLine("q") {
				t.Fatalf("header %q, want %q", lines[0], d.FormatLine("q"))
			}
			if d.Range.Start.IsValid() && (len(lines) != 3 || strings.Count(lines[2], "^") == 0) {
				t.Fatalf("want a source line and a caret line, got %q", got)
			}
		}
	})
}
