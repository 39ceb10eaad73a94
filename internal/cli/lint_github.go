package cli

import (
	"strconv"
	"strings"

	"github.com/czql/czql/diag"
)

// githubCommand maps a severity to a GitHub workflow command.
func githubCommand(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "notice"
}

// writeGitHub writes one GitHub Actions workflow command per diagnostic
// to standard output, which the runner turns into annotations.
func (l *linter) writeGitHub() int {
	var b strings.Builder
	for _, r := range l.results {
		path := displayPath(r.in)
		for _, d := range r.diags {
			b.WriteString(githubAnnotation(r.src, path, d))
		}
	}
	return writeOut(l.e, []byte(b.String()))
}

// githubAnnotation formats d, found in the file at path, as
// "::error file=…,line=…,col=…,endLine=…,endColumn=…,title=czql CODE::message".
// Columns count UTF-16 code units, as the web page showing them does.
func githubAnnotation(src *diag.Source, path string, d diag.Diagnostic) string {
	r := validRange(src, d.Range)
	props := []string{
		"file=" + escapeGitHubProperty(path),
		"line=" + strconv.Itoa(r.Start.Line),
		"col=" + strconv.Itoa(utf16Col(src, r.Start)),
		"endLine=" + strconv.Itoa(r.End.Line),
		"endColumn=" + strconv.Itoa(utf16Col(src, r.End)),
		"title=" + escapeGitHubProperty("czql "+d.Code),
	}
	msg := sarifText(d)
	for _, s := range d.Suggestions {
		msg += "\n" + s.Message
	}
	return "::" + githubCommand(d.Severity) + " " + strings.Join(props, ",") + "::" + escapeGitHubData(msg) + "\n"
}

// escapeGitHubData escapes the message of a workflow command.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a property value of a workflow command,
// where ':' and ',' separate too.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
