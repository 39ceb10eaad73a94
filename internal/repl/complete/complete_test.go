package complete

import (
	"slices"
	"testing"
)

// completeCase is one cursor position and what must be offered there.
type completeCase struct {
	name  string
	in    string   // the text, the cursor marked with '|'
	back  int      // cursor - Start: the length of the word being completed
	first []string // the first items, in order
	has   []string // items that must be offered
	not   []string // items that must not be offered
	none  bool     // no items at all
	count int      // the number of items, when not 0
	kind  string   // the kind of the first item (kindNames), checked when set
}

// completeCases covers every context of the package documentation against
// the fixture (Task, User, Project, pick lists State, TrackStatus, …).
var completeCases = []completeCase{
	// 1. statement start
	{name: "empty", in: "|", first: []string{"SELECT"}, count: 1, kind: "Keyword"},
	{name: "sel prefix", in: "sel|", back: 3, first: []string{"SELECT"}, count: 1},
	{name: "blank lines", in: "\n  \n|", first: []string{"SELECT"}},
	{name: "after comment", in: "-- header\n|", first: []string{"SELECT"}},
	{name: "exact keyword", in: "SELECT|", back: 6, first: []string{"SELECT"}},

	// 2. select list
	{name: "select all fields FROM later", in: "SELECT | FROM Task",
		first: []string{"ActualCost", "ActualCostManuallySet"}, kind: "Field",
		has: []string{"Name", "Manager", "State", "COUNT(", "MAX(", "(SELECT"}, not: []string{"Email", "FROM"}},
	{name: "select prefix FROM later", in: "SELECT Na| FROM Task", back: 2,
		first: []string{"Name", "C_ExternalTicket", "ExternalID", "ExternalUrl", "InternalStatus", "Manager"}, count: 6},
	{name: "select after comma", in: "SELECT Name, Du| FROM Task WHERE Name = 'x'", back: 2,
		first: []string{"DueDate", "Duration", "BaselineDueDate"}},
	{name: "select User fields", in: "SELECT Em| FROM User", back: 2, first: []string{"Email"}},
	{name: "Task has no Email", in: "SELECT Email| FROM Task", back: 5, none: true},
	{name: "aggregate prefix", in: "SELECT co| FROM Task", back: 2,
		first: []string{"Commited", "COUNT("}, has: []string{"ChildrenCount"}},
	{name: "no FROM yet", in: "SELECT |", first: []string{"AccountManager", "Active", "ActualCost"},
		has: []string{"COUNT(", "SUM(", "AVG(", "MIN(", "MAX("}, not: []string{"(SELECT"}},
	{name: "no FROM: every entity's fields", in: "SELECT Na|", back: 2, first: []string{"Name"}, kind: "Field",
		not: []string{"ExternalID"}}, // prefix matches only
	{name: "no FROM after comma", in: "SELECT Name, Sta|", back: 3, first: []string{"StartDate", "State"}},
	{name: "no FROM: Email of User and ContactPerson", in: "SELECT Em|", back: 2, first: []string{"Email"}},
	{name: "inside aggregate", in: "SELECT COUNT(|) FROM Task", has: []string{"Name", "Work"}, not: []string{"COUNT("}},
	{name: "after select item", in: "SELECT Name |", first: []string{"FROM"}, count: 1},
	{name: "after select item prefix", in: "SELECT Name FR|", back: 2, first: []string{"FROM"}, count: 1},
	{name: "after aggregate", in: "SELECT COUNT(Name) |", first: []string{"AS", "FROM"}, count: 2},
	{name: "after alias", in: "SELECT COUNT(Name) AS n |", first: []string{"FROM"}, count: 1},
	{name: "after AS", in: "SELECT COUNT(Name) AS |", none: true},
	{name: "paren in select list", in: "SELECT Name, (|", first: []string{"SELECT"}, count: 1},
	{name: "paren in select list FROM later", in: "SELECT Name, (| FROM Task", first: []string{"SELECT"}, count: 1},
	{name: "no sub-select without relations", in: "SELECT | FROM State", not: []string{"(SELECT"}, has: []string{"ValueOrder"}},

	// 3. FROM
	{name: "from all entities", in: "SELECT Name FROM |", first: []string{"Bug", "C_Discipline"}, count: 56, kind: "Entity"},
	{name: "from prefix", in: "SELECT Name FROM ta|", back: 2,
		first: []string{"Task", "TaskType", "C_InvoiceStatus", "ContactPerson"}, not: []string{"Timesheet"}},
	{name: "from prefix case", in: "select name from WORKI|", back: 5,
		first: []string{"WorkItem", "WorkItemAttachmentLink", "WorkItemHierarchyLink"}},

	// 4. after the FROM entity
	{name: "after entity", in: "SELECT Name FROM Task |",
		first: []string{"WHERE", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET"}, count: 5, kind: "Keyword"},
	{name: "after entity prefix", in: "SELECT Name FROM Task or|", back: 2, first: []string{"ORDER BY"}, count: 1},
	{name: "after entity inner match", in: "SELECT Name FROM Task by|", back: 2, first: []string{"GROUP BY", "ORDER BY"}, count: 2},
	{name: "group keyword needs BY", in: "SELECT Name FROM Task GROUP |", first: []string{"BY"}, count: 1},

	// 5. condition start
	{name: "where fields", in: "SELECT Name FROM Task WHERE |", first: []string{"ActualCost"},
		has: []string{"State", "Manager", "NOT"}, not: []string{"Email", "AND"}},
	{name: "where prefix", in: "SELECT Name FROM Task WHERE st|", back: 2,
		first: []string{"StartDate", "State", "ActualCost", "ActualCostManuallySet", "ActualStartDate"},
		has:   []string{"TrackStatus"}, not: []string{"Name"}},
	{name: "after AND", in: "SELECT Name FROM Task WHERE State = 'Active' AND Pri|", back: 3, first: []string{"Priority"}},
	{name: "after OR in parens", in: "SELECT Name FROM Task WHERE (Billable = TRUE OR |", has: []string{"Name", "NOT"}},
	{name: "after NOT", in: "SELECT Name FROM Task WHERE NOT |", has: []string{"Billable"}},
	{name: "after paren", in: "SELECT Name FROM Task WHERE (|", has: []string{"Billable"}},

	// 6. operators
	{name: "operators", in: "SELECT Name FROM Task WHERE State |",
		first: []string{"=", "<>", "<", "<=", ">", ">=", "LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL"},
		count: 12, kind: "Operator"},
	{name: "operator prefix", in: "SELECT Name FROM Task WHERE State i|", back: 1,
		first: []string{"IN", "IS NULL", "IS NOT NULL", "LIKE", "NOT LIKE", "NOT IN"}},
	{name: "after NOT in predicate", in: "SELECT Name FROM Task WHERE State NOT |", first: []string{"IN", "LIKE"}, count: 2},
	{name: "after IS", in: "SELECT Name FROM Task WHERE State IS |", first: []string{"NULL", "NOT NULL"}, count: 2},
	{name: "after IS NOT", in: "SELECT Name FROM Task WHERE State IS NOT |", first: []string{"NULL"}, count: 1},

	// 7. values
	{name: "pick-list values", in: "SELECT Name FROM Task WHERE State = |",
		first: []string{"'Draft'", "'Active'", "'On Hold'"}, has: []string{"'Cancelled'", "NULL"}, kind: "Value"},
	{name: "NULL last", in: "SELECT Name FROM Task WHERE TrackStatus <> |",
		first: []string{"'On Track'", "'At Risk'", "'Off Track'", "NULL"}, count: 4},
	{name: "value in string", in: "SELECT Name FROM Task WHERE State = 'Ac|", back: 3, first: []string{"'Active'"}, count: 1},
	{name: "value in string with space", in: "SELECT Name FROM Task WHERE TrackStatus = 'At R|", back: 5,
		first: []string{"'At Risk'"}, count: 1},
	{name: "value in string inner", in: "SELECT Name FROM Task WHERE State = 'hold|", back: 5, first: []string{"'On Hold'"}, count: 1},
	{name: "value inside closed string", in: "SELECT Name FROM Task WHERE State = 'On H|old'", back: 5, first: []string{"'On Hold'"}},
	{name: "value unquoted prefix", in: "SELECT Name FROM Task WHERE State = Ac|", back: 2, first: []string{"'Active'"}, count: 1},
	{name: "value in IN list", in: "SELECT Name FROM Task WHERE State IN (|",
		first: []string{"'Draft'"}, has: []string{"NULL", "SELECT"}},
	{name: "value after comma in IN", in: "SELECT Name FROM Task WHERE State IN ('Active', 'On H|", back: 5,
		first: []string{"'On Hold'"}, count: 1},
	{name: "second IN element no SELECT", in: "SELECT Name FROM Task WHERE State IN ('Active', |",
		has: []string{"'Draft'", "NULL"}, not: []string{"SELECT"}},
	{name: "boolean values", in: "SELECT Name FROM Task WHERE Billable = |", first: []string{"TRUE", "FALSE", "NULL"}, count: 3},
	{name: "boolean prefix", in: "SELECT Name FROM Task WHERE Billable = f|", back: 1, first: []string{"FALSE"}, count: 1},
	{name: "other type only NULL", in: "SELECT Name FROM Task WHERE Priority = |", first: []string{"NULL"}, count: 1},
	{name: "string in non-value", in: "SELECT Name FROM Task WHERE Name = 'Ac|", back: 3, none: true},
	{name: "LIKE no values", in: "SELECT Name FROM Task WHERE State LIKE |", none: true},
	{name: "less-than no values", in: "SELECT Name FROM Task WHERE State < |", none: true},
	{name: "NOT LIKE no values", in: "SELECT Name FROM Task WHERE State NOT LIKE |", none: true},
	{name: "not-equal values", in: "SELECT Name FROM Task WHERE State != |", first: []string{"'Draft'"}, has: []string{"NULL"}},
	{name: "values after a comment", in: "SELECT Name FROM Task WHERE State = /* c */ |", first: []string{"'Draft'"}},
	{name: "pick list by reference", in: "SELECT Name FROM User WHERE JobTitle = |",
		first: []string{"'Project Manager'", "'Developer'"}, has: []string{"NULL"}},
	{name: "value through path", in: "SELECT Name FROM Task WHERE Manager.State = |",
		first: []string{"'Active'", "'Suspended'", "'Deleted'", "NULL"}, count: 4},
	{name: "valid states only", in: "SELECT Name FROM Task WHERE State = |",
		first: []string{"'Draft'", "'Active'", "'On Hold'", "'Completed'", "'Cancelled'", "NULL"}, count: 6},
	{name: "valid states of a subtype", in: "SELECT Name FROM Bug WHERE State IN ('Draft', |",
		has: []string{"'Submitted'", "'Reopened'"}, not: []string{"'Active'", "'Suspended'"}},

	// 8. after a predicate
	{name: "after predicate", in: "SELECT Name FROM Task WHERE State = 'Active' |",
		first: []string{"AND", "OR", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET"}, count: 6},
	{name: "after IS NULL", in: "SELECT Name FROM Task WHERE Manager IS NULL |", first: []string{"AND", "OR", "GROUP BY"}},
	{name: "after IN list", in: "SELECT Name FROM Task WHERE State IN ('Active') |", first: []string{"AND", "OR", "GROUP BY"}},
	{name: "after predicate in parens", in: "SELECT Name FROM Task WHERE (State = 'Active' |", first: []string{"AND", "OR"}, count: 2},
	{name: "after closed parens", in: "SELECT Name FROM Task WHERE (State = 'Active') |", first: []string{"AND", "OR", "GROUP BY"}},
	{name: "after ORDER BY no WHERE", in: "SELECT Name FROM Task ORDER BY Name |", first: []string{"ASC", "DESC", "LIMIT", "OFFSET"}, count: 4},

	// 9. GROUP BY and ORDER BY
	{name: "order by fields", in: "SELECT Name FROM Task ORDER BY |", has: []string{"DueDate"}, not: []string{"ASC"}},
	{name: "order by comma", in: "SELECT Name FROM Task ORDER BY Name DESC, Du|", back: 2, first: []string{"DueDate", "Duration"}},
	{name: "after direction", in: "SELECT Name FROM Task ORDER BY Name DESC |", first: []string{"LIMIT", "OFFSET"}, count: 2},
	{name: "group by fields", in: "SELECT COUNT(Name) FROM Task GROUP BY |", has: []string{"State"}},
	{name: "after group item", in: "SELECT COUNT(Name) FROM Task GROUP BY State |", first: []string{"ORDER BY", "LIMIT", "OFFSET"}, count: 3},
	{name: "after limit value", in: "SELECT Name FROM Task LIMIT 10 |", first: []string{"OFFSET"}, count: 1},

	// 10. dot paths
	{name: "dot path", in: "SELECT Manager.| FROM Task", first: []string{"Active", "Admin"}, has: []string{"Email"}, not: []string{"Work"}},
	{name: "dot path prefix", in: "SELECT Manager.Na| FROM Task", back: 2, first: []string{"Name", "DirectManager", "DisplayName", "ExternalID"}},
	{name: "dot chain", in: "SELECT Project.Manager.Em| FROM Task", back: 2, first: []string{"Email", "AllowEmails"}, count: 2},
	{name: "dot in where", in: "SELECT Name FROM Task WHERE Project.Spon|", back: 4, first: []string{"Sponsor"}},
	{name: "dot in order by", in: "SELECT Name FROM Task ORDER BY Manager.Last|", back: 4, first: []string{"LastLogin", "LastName", "LastUpdatedBy", "LastUpdatedOn"}},
	{name: "dot union of targets", in: "SELECT Sponsor.| FROM Project", has: []string{"Email", "C_PrimaryContact"}},
	{name: "dot on non-reference", in: "SELECT Name.| FROM Task", none: true},
	{name: "dot in aggregate", in: "SELECT COUNT(Manager.Em|) FROM Task", back: 2, first: []string{"Email"}},

	// 11. sub-selects
	{name: "relation sub-select fields", in: "SELECT Name, (SELECT | FROM Resources) FROM Task",
		has: []string{"Email", "Name"}, not: []string{"Work", "(SELECT", "COUNT("}}, // no aggregates in sub-selects
	{name: "relation names", in: "SELECT Name, (SELECT Name FROM |) FROM Task",
		first: []string{"Attachments", "ParentItems", "Predecessors"}, count: 11, kind: "Relation", not: []string{"Task", "Customers"}},
	{name: "relation names prefix", in: "SELECT Name, (SELECT Name FROM Res|) FROM Task", back: 3, first: []string{"Resources"}, count: 1},
	{name: "relation names of Project", in: "SELECT Name, (SELECT Name FROM Cu|) FROM Project", back: 2, first: []string{"Customers"}},
	{name: "after relation sub-select", in: "SELECT Name, (SELECT Name FROM Resources) |", first: []string{"FROM"}},
	{name: "relation sub-select where", in: "SELECT Name, (SELECT Name FROM Resources WHERE Em|) FROM Task", back: 2, first: []string{"Email"}},
	{name: "IN sub-query fields", in: "SELECT Name FROM Task WHERE Project IN (SELECT | FROM Project)",
		has: []string{"ProjectManager", "Sponsor"}, not: []string{"(SELECT", "Email", "COUNT("}},
	{name: "IN sub-query FROM entities", in: "SELECT Name FROM Task WHERE Project IN (SELECT Name FROM Pro|)", back: 3,
		first: []string{"Program", "Project", "ProjectType"}},
	{name: "after IN sub-query entity", in: "SELECT Name FROM Task WHERE Project IN (SELECT Id FROM Project |)",
		first: []string{"WHERE"}, count: 1}, // an IN sub-query has no GROUP BY, ORDER BY, LIMIT, OFFSET
	{name: "after relation entity", in: "SELECT Name, (SELECT Name FROM Resources |) FROM Task",
		first: []string{"WHERE", "ORDER BY"}, count: 2}, // nor a relation sub-select GROUP BY, LIMIT, OFFSET
	{name: "after predicate in relation", in: "SELECT Name, (SELECT Name FROM Resources WHERE Name = 'x' |) FROM Task",
		first: []string{"AND", "OR", "ORDER BY"}, count: 3},
	{name: "relation dot path", in: "SELECT Name, (SELECT DirectManager.Em| FROM Resources) FROM Task", back: 2,
		first: []string{"Email"}},
	{name: "relation values", in: "SELECT Name, (SELECT Name FROM Resources WHERE State = |) FROM Task",
		first: []string{"'Active'", "'Suspended'", "'Deleted'", "NULL"}, count: 4}, // the states of User
	{name: "after IN sub-query", in: "SELECT Name FROM Task WHERE Project IN (SELECT Name FROM Project) |", first: []string{"AND", "OR"}},

	// 12. nothing
	{name: "in line comment", in: "SELECT Name -- Na|", none: true},
	{name: "in block comment", in: "SELECT /* Na| */ Name FROM Task", none: true},
	{name: "unterminated block comment", in: "SELECT Name FROM Task /* x |", none: true},
	{name: "after block comment", in: "SELECT Name FROM Task /* x */ |", first: []string{"WHERE"}},
	{name: "after LIMIT", in: "SELECT Name FROM Task LIMIT |", none: true},
	{name: "in LIMIT number", in: "SELECT Name FROM Task LIMIT 1|", none: true},
	{name: "after OFFSET value", in: "SELECT Name FROM Task LIMIT 10 OFFSET 5 |", none: true},
	{name: "in param", in: "SELECT Name FROM Task WHERE DueDate > :da|", none: true},
	{name: "string not a value", in: "SELECT 'Na|", back: 3, none: true},

	// multi-statement text, cursor positions, robustness
	{name: "second statement", in: "SELECT Name FROM User; SELECT Wo| FROM Task; SELECT x FROM Project", back: 2,
		first: []string{"Work", "WorkPolicy"}, not: []string{"WorkItems"}},
	{name: "semicolon in string", in: "SELECT Name FROM Task WHERE Name = 'a;b' AND Du|", back: 2, first: []string{"DueDate"}},
	{name: "semicolon in comment", in: "SELECT Name FROM Task -- x; y\nWHERE Du|", back: 2, first: []string{"DueDate"}},
	{name: "after semicolon", in: "SELECT Name FROM Task;|", first: []string{"SELECT"}, count: 1},
	{name: "before semicolon", in: "SELECT Name FROM Task|;", back: 4, first: []string{"Task", "TaskType"}},
	{name: "statements without semicolon", in: "SELECT Name FROM User\nSELECT Wo| FROM Task", back: 2, first: []string{"Work"}},
	{name: "cursor mid-word", in: "SELECT Na|me FROM Task", back: 2, first: []string{"Name"}},
	{name: "cursor at word start", in: "SELECT |Name FROM Task", has: []string{"Name", "Work"}},
	{name: "cursor at 0 of text", in: "|SELECT Name FROM Task", first: []string{"SELECT"}},
	{name: "at-escaped name", in: "SELECT @Na| FROM Task", back: 3, first: []string{"@Name"}, not: []string{"COUNT(", "Name"}},
	{name: "lone at", in: "SELECT @| FROM Task", back: 1, has: []string{"@Name"}, not: []string{"FROM", "COUNT("}},
	{name: "unterminated string then newline", in: "SELECT Name FROM Task WHERE Name = 'abc\n|", first: []string{"AND"}},
	{name: "garbage", in: "garbage ) ( |", none: true},
	{name: "garbage then clause", in: "SELECT Name FROM Task WHERE ### = ) |", none: true},
	{name: "resync after garbage", in: "SELECT Name FROM Task WHERE ### AND St|", back: 2, has: []string{"State"}},
	{name: "invalid utf8", in: "SELECT \xff\xfe FROM Task WHERE \xff|", none: true},
	{name: "invalid utf8 before", in: "SELECT \xff\xfe FROM Task WHERE Du|", back: 2, first: []string{"DueDate"}},
	{name: "invalid char at cursor", in: "SELECT Name FROM Task WHERE #|", none: true},
	{name: "unicode prefix", in: "SELECT é|", back: 2, none: true},
	{name: "operator split by cursor", in: "SELECT Name FROM Task WHERE Priority <|=", none: true},
}

// TestComplete runs completeCases against the fixture, eager and from a
// cache.
func TestComplete(t *testing.T) {
	for which, set := range []string{"eager", "cache"} {
		md := fixture(t, which)
		for _, tc := range completeCases {
			t.Run(set+"/"+tc.name, func(t *testing.T) {
				text, cursor := splitCursor(t, tc.in)
				checkResult(t, tc, Complete(md, text, cursor), cursor)
			})
		}
	}
}

// checkResult checks one result against its case.
func checkResult(t *testing.T, tc completeCase, res Result, cursor int) {
	t.Helper()
	got := texts(res.Items)
	if want := cursor - tc.back; res.Start != want {
		t.Errorf("Start = %d, want %d", res.Start, want)
	}
	if tc.none && len(got) > 0 {
		t.Errorf("items = %q, want none", got)
	}
	if len(tc.first) > 0 {
		if len(got) < len(tc.first) || !slices.Equal(got[:len(tc.first)], tc.first) {
			t.Errorf("first items = %q, want %q", got[:min(len(got), len(tc.first)+2)], tc.first)
		} else if k := kindNames[res.Items[0].Kind]; tc.kind != "" && k != tc.kind {
			t.Errorf("first item kind = %s, want %s", k, tc.kind)
		}
	}
	if tc.count != 0 && len(got) != tc.count {
		t.Errorf("%d items, want %d: %q", len(got), tc.count, got)
	}
	for _, w := range tc.has {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
	for _, w := range tc.not {
		if slices.Contains(got, w) {
			t.Errorf("unexpected %q in %q", w, got)
		}
	}
}
