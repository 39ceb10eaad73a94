package translate

import "github.com/czql/czql/parser"

// The parser entry points, named here so that the rest of the package reads
// the same whichever parser backs it.
var (
	parseLiteral   = parser.ParseLiteral
	parseCondition = parser.ParseCondition
	parseQuery     = parser.ParseQuery
)
