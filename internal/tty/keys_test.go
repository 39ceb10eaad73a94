package tty

import (
	"reflect"
	"testing"
)

func TestSplitKeys(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"SELECT Na", []string{"SELECT Na"}},
		{"3\x1b[D\x1b[D", []string{"3", "\x1b[D", "\x1b[D"}},
		{"SELECT Name\rFROM Task\n", []string{"SELECT Name", "\r", "FROM Task", "\n"}},
		{"\t\t", []string{"\t", "\t"}},
		{"\x03\x04", []string{"\x03", "\x04"}},
		{"ab\x7fc", []string{"ab", "\x7f", "c"}},
		{"\x1b[1;5C", []string{"\x1b[1;5C"}},
		{"\x1b[3~x", []string{"\x1b[3~", "x"}},
		{"\x1bOHz", []string{"\x1bOH", "z"}},
		{"\x1bb", []string{"\x1bb"}},
		{"\x1b", []string{"\x1b"}},
		{"\x1b\x1b[A", []string{"\x1b", "\x1b[A"}},
		{"\x1b[", []string{"\x1b["}},
		{"日本\x1b[D語", []string{"日本", "\x1b[D", "語"}},
		{"a\xffb", []string{"a\xffb"}},
		{"é\xc3", []string{"é\xc3"}},
	} {
		var got []string
		for _, k := range splitKeys([]byte(tc.in)) {
			got = append(got, string(k))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitKeys(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSplitKeys(f *testing.F) {
	for _, s := range []string{"SELECT\r", "\x1b[1;5C", "\x1b", "日本\x1b[D"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var joined []byte
		for _, k := range splitKeys(b) {
			if len(k) == 0 {
				t.Fatalf("empty piece in %q", b)
			}
			joined = append(joined, k...)
		}
		if string(joined) != string(b) {
			t.Fatalf("pieces of %q join to %q", b, joined)
		}
	})
}
