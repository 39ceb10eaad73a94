package parser

import (
	"fmt"
	"strings"
	"testing"
)

// completeAt calls Complete on s, whose '|' marks the cursor.
func completeAt(s string) *Expected {
	i := strings.IndexByte(s, '|')
	return Complete(s[:i]+s[i+1:], i)
}

// summary writes what Complete expects in one line: keywords, operators,
// functions, sub-select, names with their roles and scopes.
func summary(e *Expected) string {
	var b strings.Builder
	fmt.Fprintf(&b, "start=%d prefix=%q clause=%s kw=%v", e.Start, e.Prefix, e.Clause, e.Keywords)
	if len(e.Operators) > 0 {
		fmt.Fprintf(&b, " ops=%v", e.Operators)
	}
	if len(e.Functions) > 0 {
		fmt.Fprintf(&b, " fn=%v", e.Functions)
	}
	if e.SubSelect {
		b.WriteString(" subselect")
	}
	if e.InString {
		b.WriteString(" string")
	}
	for _, n := range e.Names {
		fmt.Fprintf(&b, " %s", roleNames[n.Role])
		if n.Scope.Relation {
			fmt.Fprintf(&b, "(%s.%s)", n.Scope.Outer, n.Scope.Entity)
		} else {
			fmt.Fprintf(&b, "(%s)", n.Scope.Entity)
		}
		if len(n.Path) > 0 {
			fmt.Fprintf(&b, "path=%s", strings.Join(n.Path, "."))
		}
		if n.Field != nil {
			fmt.Fprintf(&b, "field=%s%s", n.Field.Path(), n.Op)
		}
	}
	return b.String()
}

var roleNames = map[Role]string{RoleEntity: "entity", RoleField: "field", RoleRelation: "relation", RoleValue: "value", RoleAlias: "alias"}

func TestComplete(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"|", `start=0 prefix="" clause= kw=[SELECT]`},
		{"SEL|", `start=0 prefix="SEL" clause= kw=[SELECT]`},
		{"SELECT Na| FROM Task", `start=7 prefix="Na" clause=SELECT kw=[] fn=[COUNT SUM AVG MIN MAX] subselect field(Task)`},
		{"SELECT Name |", `start=12 prefix="" clause=SELECT kw=[FROM]`},
		{"SELECT Name FR|", `start=12 prefix="FR" clause=SELECT kw=[FROM]`},
		{"SELECT Name FROM |", `start=17 prefix="" clause=FROM kw=[] entity()`},
		{"SELECT Name FROM Task |", `start=22 prefix="" clause=FROM kw=[WHERE GROUP BY ORDER BY LIMIT OFFSET]`},
		{"SELECT Name FROM Task WHERE |", `start=28 prefix="" clause=WHERE kw=[NOT] field(Task)`},
		{"SELECT Name FROM Task WHERE State = |", `start=36 prefix="" clause=WHERE kw=[] value(Task)field=State=`},
		{"SELECT Name FROM Task WHERE State = 'On H|", `start=36 prefix="'On H" clause=WHERE kw=[] string value(Task)field=State=`},
		{"SELECT Name FROM Task WHERE Manager.|", `start=36 prefix="" clause=WHERE kw=[] field(Task)path=Manager`},
		{"SELECT Name FROM Task WHERE Project.Manager.Na|", `start=44 prefix="Na" clause=WHERE kw=[] field(Task)path=Project.Manager`},
		{"SELECT Name FROM Task WHERE a |", `start=30 prefix="" clause=WHERE kw=[LIKE NOT LIKE IN NOT IN IS NULL IS NOT NULL] ops=[= <> < <= > >=]`},
		{"SELECT Name FROM Task WHERE a NOT |", `start=34 prefix="" clause=WHERE kw=[IN LIKE]`},
		{"SELECT Name FROM Task WHERE a IS |", `start=33 prefix="" clause=WHERE kw=[NULL NOT NULL]`},
		{"SELECT Name FROM Task WHERE a = 1 |", `start=34 prefix="" clause=WHERE kw=[AND OR GROUP BY ORDER BY LIMIT OFFSET]`},
		{"SELECT Name FROM Task WHERE (a = 1 |", `start=35 prefix="" clause=WHERE kw=[AND OR]`},
		{"SELECT Name FROM Task WHERE a IN (|", `start=34 prefix="" clause=WHERE kw=[SELECT] value(Task)field=aIN`},
		{"SELECT Name FROM Task WHERE a IN ('x', |", `start=39 prefix="" clause=WHERE kw=[] value(Task)field=aIN`},
		{"SELECT Name FROM Task ORDER BY a |", `start=33 prefix="" clause=ORDER BY kw=[ASC DESC LIMIT OFFSET]`},
		{"SELECT Name FROM Task GROUP BY |", `start=31 prefix="" clause=GROUP BY kw=[] field(Task)`},
		{"SELECT Name, (|", `start=14 prefix="" clause=SELECT kw=[SELECT]`},
		{"SELECT Name FROM Task WHERE Name NOT LIKE |", `start=42 prefix="" clause=WHERE kw=[] value(Task)field=NameLIKE`},
		{"SELECT Name FROM Task WHERE Work != |", `start=36 prefix="" clause=WHERE kw=[] value(Task)field=Work!=`},
		{"SELECT COUNT(|) FROM Task", `start=13 prefix="" clause=SELECT kw=[] field(Task)`},
		{"SELECT COUNT(Id) |", `start=17 prefix="" clause=SELECT kw=[AS FROM]`},
		{"SELECT Name, (SELECT | FROM Resources) FROM Project", `start=21 prefix="" clause=SELECT kw=[] field(Project.Resources)`},
		{"SELECT Name, (SELECT Name FROM |) FROM Project", `start=31 prefix="" clause=FROM kw=[] relation(Project)`},
		{"SELECT Name, (SELECT Name FROM Resources |) FROM Project", `start=41 prefix="" clause=FROM kw=[WHERE ORDER BY]`},
		{"SELECT Name FROM Task WHERE a IN (SELECT | FROM Project)", `start=41 prefix="" clause=SELECT kw=[] field(Project)`},
		{"SELECT Name FROM Task; SELECT | FROM User", `start=30 prefix="" clause=SELECT kw=[] fn=[COUNT SUM AVG MIN MAX] subselect field(User)`},
		{"SELECT a FROM T\nSELECT | FROM User", `start=23 prefix="" clause=SELECT kw=[] fn=[COUNT SUM AVG MIN MAX] subselect field(User)`},
		{"SELECT @Na| FROM Task", `start=7 prefix="@Na" clause=SELECT kw=[] fn=[COUNT SUM AVG MIN MAX] subselect field(Task)`},
		{"SELECT Name FROM Task -- a comm|ent", `start=31 prefix="" clause= kw=[]`},
		{"SELECT Name FROM Task LIMIT 1|0", `start=29 prefix="" clause= kw=[]`},
		{"SELECT Name FROM Task WHERE d = 2024-01-0|1", `start=41 prefix="" clause= kw=[]`},
	} {
		if got := summary(completeAt(tc.in)); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// FuzzComplete checks that Complete never panics, at any cursor, and that
// the word it completes ends at the cursor.
func FuzzComplete(f *testing.F) {
	f.Add("SELECT Name FROM Task WHERE State = 'A", 38)
	f.Add("SELECT (SELECT a FROM R WHERE (b = 1 OR", 30)
	f.Fuzz(func(t *testing.T, src string, cursor int) {
		if len(src) > 4096 {
			return
		}
		e := Complete(src, cursor)
		c := min(max(cursor, 0), len(src))
		if e.Start > c || e.Start < 0 || src[e.Start:c] != e.Prefix && e.Prefix != "" {
			t.Fatalf("%q at %d: start %d prefix %q", src, cursor, e.Start, e.Prefix)
		}
	})
}
