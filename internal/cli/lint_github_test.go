package cli

import (
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

func TestGitHubAnnotation(t *testing.T) {
	src := diag.NewSource("q.czql", []byte("SELECT 'é', Nme FROM Task"))
	d := diag.Diagnostic{
		Severity: diag.Warning, Code: "unknown-field", Message: "100% wrong\r\nreally",
		Range:       src.Range(13, 16),
		Suggestions: []diag.Suggestion{{Message: `did you mean "Name"?`}},
	}
	got := githubAnnotation(src, "dir/a,b:c.czql", d)
	want := "::warning file=dir/a%2Cb%3Ac.czql,line=1,col=13,endLine=1,endColumn=16,title=czql unknown-field::" +
		"100%25 wrong%0D%0Areally%0Adid you mean \"Name\"?\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	d.Severity = diag.Info
	if got := githubAnnotation(src, "q.czql", d); got[:9] != "::notice " {
		t.Errorf("info gives %q, want ::notice", got)
	}
}

func TestSARIFFingerprintIgnoresLineNumbers(t *testing.T) {
	fp := func(text string) []string {
		in := &input{name: "q.czql", text: []byte(text)}
		src := diag.NewSource(in.name, in.text)
		var l diag.List
		for off := 0; ; {
			i := strings.Index(text[off:], "Nme")
			if i < 0 {
				break
			}
			i += off
			l = append(l, diag.Errorf("unknown-field", src.Range(i, i+3), "no Nme"))
			off = i + 3
		}
		log := buildSARIF([]*lintResult{{in: in, src: src, diags: l}})
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	a := fp("SELECT Nme FROM Task;\nSELECT Nme FROM Task;\n")
	b := fp("-- new comment\n\nSELECT Nme FROM Task;\n  SELECT Nme FROM Task;\n")
	if len(a) != 2 || a[0] == a[1] {
		t.Fatalf("equal findings on equal lines must differ by occurrence: %q", a)
	}
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("fingerprints changed when lines moved:\n%q\n%q", a, b)
	}
}
