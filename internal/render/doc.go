// Package render is the result rendering that `czql run` and czql-repl
// share. It turns the rows of a query result, JSON objects as the API
// returns them, into one of the result formats ([Formats]): a table
// fitted to a display width with relation items nested as sub-tables,
// or vertical display; CSV; JSON; JSON lines. The columns of a result
// are those of its request body (an [api.Body]): the fields, then the
// relations; the group fields, then the aggregates.
//
// Text is measured in display widths (East Asian wide runes count two
// columns, combining marks none), cut to a width with "…", and the
// control characters of values (\n, \t, \x1b, bidirectional controls)
// are escaped so that data can neither break a table nor drive the
// terminal.
package render
