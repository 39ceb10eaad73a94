package lsp

import (
	"fmt"
	"strings"
	"testing"
)

// The server offers utf-8 positions when the client does, else utf-16.
func TestPositionEncodingNegotiated(t *testing.T) {
	for _, tc := range []struct{ caps, want string }{
		{`{"general": {"positionEncodings": ["utf-16", "utf-8"]}}`, "utf-8"},
		{`{"general": {"positionEncodings": ["utf-16"]}}`, "utf-16"},
		{`{}`, "utf-16"},
	} {
		c := start(t, clientOptions{})
		if got := c.initialize(tc.caps, "").Capabilities.PositionEncoding; got != tc.want {
			t.Errorf("%s: encoding %q, want %q", tc.caps, got, tc.want)
		}
	}
}

// An edit inside a line that holds é and 😀 lands where the client means
// it in either encoding, and the diagnostics after it are placed in that
// encoding.
func TestIncrementalEditAfterWideCharacters(t *testing.T) {
	line := "SELECT Name FROM Task WHERE Name = 'é😀' AND Nme = 'x' LIMIT 5"
	nme := strings.Index(line, "Nme")
	for _, tc := range []struct {
		caps string
		enc  encoding
		col  uint32 // the column of Nme in the encoding
	}{
		{`{"general": {"positionEncodings": ["utf-8"]}}`, utf8Bytes, uint32(nme)},
		{`{}`, utf16, uint32(nme - len("é😀") + 3)}, // é is 1 unit, 😀 2
	} {
		t.Run(tc.enc.String(), func(t *testing.T) {
			c := start(t, clientOptions{})
			c.initialize(tc.caps, fmt.Sprintf(`{"metadata": %q}`, fixtureMetadata))
			uri := "file:///w/q.czql"
			c.open(uri, "-- first line\n"+line+"\n")
			got := c.diagnostics(uri, 1)
			if len(got) != 1 || got[0].Code != "unknown-field" {
				t.Fatalf("diagnostics %+v", got)
			}
			want := Range{Start: Position{1, tc.col}, End: Position{1, tc.col + 3}}
			if got[0].Range != want {
				t.Errorf("range %+v, want %+v", got[0].Range, want)
			}
			// Insert "a" between N and me: the field becomes Name.
			at := Position{1, tc.col + 1}
			c.change(uri, 2, TextDocumentContentChangeEvent{Range: &Range{Start: at, End: at}, Text: "a"})
			if got := c.diagnostics(uri, 2); len(got) != 0 {
				t.Errorf("after the edit: %+v", got)
			}
			_, snap, _ := c.server.current(uri)
			if want := "-- first line\n" + strings.Replace(line, "Nme", "Name", 1) + "\n"; snap.text != want {
				t.Errorf("text %q, want %q", snap.text, want)
			}
		})
	}
}
