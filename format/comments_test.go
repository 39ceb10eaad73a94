package format

import (
	"fmt"
	"testing"

	"github.com/czql/czql/lexer"
)

// commentQueries are statements that exercise every construct; the test
// below puts comments between each pair of their tokens.
var commentQueries = []string{
	"SELECT @Name, Manager.Name, COUNT(Id) AS Cnt, (SELECT Name FROM Resources WHERE a = 1 ORDER BY Name DESC) FROM Task WHERE (State = 'Active' OR NOT x LIKE 'a%') AND Project NOT IN (SELECT Name FROM Project WHERE b IN (1, 2)) GROUP BY Name, Manager.Name ORDER BY Name ASC, Cnt LIMIT 10 OFFSET :off",
	"SELECT Name FROM Task WHERE a IS NOT NULL AND b IN ('x', \"it's\") OR c <= 2024-01-31T17:00:00Z; SELECT Name FROM User",
}

// commentForms are the comments inserted, with the spacing around them.
var commentForms = []string{
	" -- line\n",
	" /* block */ ",
	"\n-- own line\n",
	"\n/* own\nline */\n",
	"/*tight*/",
	" -- a\n/* b */ -- c\n\n-- d\n",
}

// TestCommentsEverywhere inserts each comment form between every two
// tokens of the queries, and before and after them, and checks that the
// output keeps the tree and the comments and is stable.
func TestCommentsEverywhere(t *testing.T) {
	for qi, q := range commentQueries {
		toks := lexer.Scan(q).Tokens
		for ti, tok := range toks {
			for fi, form := range commentForms {
				off := tok.Start
				src := q[:off] + form + q[off:]
				name := fmt.Sprintf("q%d_tok%d_form%d", qi, ti, fi)
				t.Run(name, func(t *testing.T) { checkFormat(t, name, []byte(src)) })
			}
		}
	}
}
