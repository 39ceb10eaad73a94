package diag

import (
	"fmt"
	"sort"
)

// Severity ranks a diagnostic. The zero value is [Invalid] so that a
// forgotten severity is noticed rather than silently treated as an error.
type Severity int

// The severities, from least to most severe after Invalid.
const (
	Invalid Severity = iota // not set
	Info                    // a remark; never fails a run
	Warning                 // likely a mistake; fails a run only on request
	Error                   // the query is wrong and will not be sent
)

// String returns the lower-case name used in rendered diagnostics.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "invalid"
}

// Diagnostic is one problem found in a source text.
//
// Code is a stable kebab-case identifier (for example "syntax" or
// "unknown-field") that tools and suppression comments can rely on. Message
// is one line in Go error style: lower case, no final period, names quoted.
// Detail, when set, holds full sentences explaining the problem or its fix.
type Diagnostic struct {
	Severity    Severity
	Code        string
	Message     string
	Detail      string
	Range       Range
	Related     []Related
	Suggestions []Suggestion
}

// Related points at a second place in the source that explains a diagnostic,
// such as the opening parenthesis of an unbalanced pair.
type Related struct {
	Range   Range
	Message string
}

// Suggestion is a possible fix: a message such as `did you mean "DueDate"?`
// and, when the fix is mechanical, the edits that apply it.
type Suggestion struct {
	Message string
	Edits   []Edit
}

// Edit replaces the text in Range with NewText.
type Edit struct {
	Range   Range
	NewText string
}

// Error formats d on one line as "line:col: severity[code]: message", the
// same as [Diagnostic.FormatLine] without a path.
func (d Diagnostic) Error() string { return d.FormatLine("") }

// List is a list of diagnostics. It implements error so that a caller that
// only wants to know whether something went wrong can treat it as one; see
// [List.Err].
type List []Diagnostic

// Error returns the first error of l on one line, followed by "(and N more)"
// when there are others.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no diagnostics"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", l[0].Error(), len(l)-1)
}

// Err returns l as an error when it holds at least one error-severity
// diagnostic, and nil otherwise.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// HasErrors reports whether l holds a diagnostic of severity [Error].
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders l by start offset, then by end offset, then by code, keeping
// the original order of otherwise equal diagnostics.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Range.Start.Offset != b.Range.Start.Offset {
			return a.Range.Start.Offset < b.Range.Start.Offset
		}
		if a.Range.End.Offset != b.Range.End.Offset {
			return a.Range.End.Offset < b.Range.End.Offset
		}
		return a.Code < b.Code
	})
}

// Errorf returns an error-severity diagnostic with the given code and range
// and a message formatted as by fmt.Sprintf.
func Errorf(code string, r Range, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Error, Code: code, Range: r, Message: fmt.Sprintf(format, args...)}
}
