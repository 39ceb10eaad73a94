package parser

import (
	"fmt"
	"testing"
)

func TestCompleteTry(t *testing.T) {
	for _, s := range []string{"SELECT Na| FROM Task", "SELECT Name |", "SELECT Name FROM |", "SELECT Name FROM Task |", "SELECT Name FROM Task WHERE State = |", "SELECT Name FROM Task WHERE Manager.|", "SELECT Name, (SELECT | FROM Resources) FROM Project", "SELECT Name, (SELECT Name FROM |) FROM Project", "SELECT Name FROM Task WHERE a IN (SELECT | FROM Project)", "SELECT Name FROM Task WHERE State = 'On H|", "|", "SELECT Name FROM Task WHERE a = 1 |", "SELECT Name FROM Task WHERE (a = 1 |", "SELECT Name FROM Task WHERE a |", "SELECT Name FROM Task WHERE a IS |", "SELECT Name FROM Task ORDER BY a |", "SELECT COUNT(|) FROM Task", "SELECT Name FROM Task WHERE a IN (|"} {
		i := 0
		for i < len(s) && s[i] != '|' {
			i++
		}
		src := s[:i] + s[i+1:]
		e := Complete(src, i)
		fmt.Printf("%-60q start=%d prefix=%q str=%v kw=%v ops=%v fn=%v sub=%v clause=%v\n", s, e.Start, e.Prefix, e.InString, e.Keywords, e.Operators, e.Functions, e.SubSelect, e.Clause)
		for _, n := range e.Names {
			fmt.Printf("    slot %+v\n", n)
		}
	}
}
