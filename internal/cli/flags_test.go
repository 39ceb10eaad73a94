package cli

import (
	"slices"
	"strings"
	"testing"
)

func TestFlagSetParseInterspersed(t *testing.T) {
	tests := []struct {
		args    []string
		wantPos []string
		wantL   bool
		wantQ   string
		wantP   []string
		wantErr string
	}{
		{args: []string{"a.czql", "-l"}, wantPos: []string{"a.czql"}, wantL: true},
		{args: []string{"-l", "a.czql", "b.czql"}, wantPos: []string{"a.czql", "b.czql"}, wantL: true},
		{args: []string{"a.czql", "--l", "b.czql"}, wantPos: []string{"a.czql", "b.czql"}, wantL: true},
		{args: []string{"-", "-l"}, wantPos: []string{"-"}, wantL: true},
		{args: []string{"--", "-l", "x"}, wantPos: []string{"-l", "x"}},
		{args: []string{"a", "--", "-l"}, wantPos: []string{"a", "-l"}},
		{args: []string{"-q", "--", "x"}, wantPos: []string{"x"}, wantQ: "--"},
		{args: []string{"-p", "a=1", "f", "-p=b=2"}, wantPos: []string{"f"}, wantP: []string{"a=1", "b=2"}},
		{args: []string{"f", "--nope"}, wantErr: "unknown flag --nope"},
		{args: []string{"-q"}, wantErr: "flag -q needs a value"},
		{args: []string{"x", "--help"}, wantErr: "flag: help requested"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := newFlagSet("test")
			l := fs.Bool("l", false, "")
			q := fs.String("q", "", "")
			var p stringList
			fs.Var(&p, "p", "")
			pos, err := fs.parse(tt.args)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("parse error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(pos, tt.wantPos) || *l != tt.wantL || *q != tt.wantQ || !slices.Equal(p, tt.wantP) {
				t.Errorf("pos=%q l=%t q=%q p=%q; want pos=%q l=%t q=%q p=%q",
					pos, *l, *q, p, tt.wantPos, tt.wantL, tt.wantQ, tt.wantP)
			}
		})
	}
}

func TestFlagName(t *testing.T) {
	if got := flagName("q"); got != "-q" {
		t.Errorf("flagName(q) = %q", got)
	}
	if got := flagName("body"); got != "--body" {
		t.Errorf("flagName(body) = %q", got)
	}
}
