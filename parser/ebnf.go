// Code generated from /grammar.ebnf by TestEBNFConst in internal/grammar (go test ./internal/grammar -update); DO NOT EDIT.

package parser

// ebnf is the EBNF of the grammar of record, as participle prints it.
const ebnf = `Query = "SELECT" SelectItem ("," SelectItem)* From Where? GroupBy? OrderBy? Limit? Offset? .
SelectItem = Aggregate | RelationQuery | FieldRef .
Aggregate = ("COUNT" | "SUM" | "AVG" | "MIN" | "MAX") "(" FieldRef ")" ("AS" (<ident> | <atident> | <keyword>))? .
FieldRef = ((<ident> | <atident> | <keyword>) ("." (<ident> | <atident> | <keyword> | <reserved>))*) .
RelationQuery = "(" Query ")" .
From = "FROM" (<ident> | <atident> | <keyword>) .
Where = "WHERE" Condition .
Condition = AndCondition ("OR" AndCondition)* .
AndCondition = UnaryCondition ("AND" UnaryCondition)* .
UnaryCondition = ("NOT" UnaryCondition) | ("(" Condition ")") | Predicate .
Predicate = FieldRef (Comparison | ("NOT"? (In | Like)) | IsNull) .
Comparison = <operator> Literal .
Literal = (<string> | <number> | <date> | <param> | "TRUE" | "FALSE" | "NULL") .
In = "IN" "(" (Query | (Literal ("," Literal)*)) ")" .
Like = "LIKE" Literal .
IsNull = "IS" "NOT"? "NULL" .
GroupBy = "GROUP" "BY" FieldRef ("," FieldRef)* .
OrderBy = "ORDER" "BY" OrderItem ("," OrderItem)* .
OrderItem = FieldRef ("ASC" | "DESC")? .
Limit = "LIMIT" (<number> | <param>) .
Offset = "OFFSET" (<number> | <param>) .`
