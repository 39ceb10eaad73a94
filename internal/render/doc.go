// Package render is the result rendering that `czql run` and czql-repl
// share: display widths (East Asian wide runes count two columns,
// combining marks none), cutting a value to a width with "…", and
// escaping the control characters of values (\n, \t, \x1b, bidirectional
// controls) so that data can neither break a table nor drive the
// terminal.
package render
