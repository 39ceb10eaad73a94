package cli

import (
	"bytes"
	"os"
	"testing"
)

func TestMarshalJSON(t *testing.T) {
	got, err := marshalJSON(map[string]any{"a": []int{1}, "b": "x<y"})
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"x<y\"\n}\n"
	if string(got) != want {
		t.Errorf("marshalJSON = %q, want %q", got, want)
	}
}

func TestUseColor(t *testing.T) {
	if useColor(&bytes.Buffer{}) {
		t.Error("useColor(buffer) = true")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useColor(f) {
		t.Error("useColor(regular file) = true")
	}
	t.Setenv("NO_COLOR", "1")
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if useColor(tty) {
			t.Error("useColor(tty) = true with NO_COLOR set")
		}
	}
}

func TestWorst(t *testing.T) {
	tests := []struct{ a, b, want int }{
		{ExitOK, ExitErrors, ExitErrors},
		{ExitUsage, ExitErrors, ExitUsage},
		{ExitErrors, ExitInterrupted, ExitInterrupted},
		{ExitOK, ExitOK, ExitOK},
	}
	for _, tt := range tests {
		if got := worst(tt.a, tt.b); got != tt.want {
			t.Errorf("worst(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
