package complete

import (
	"testing"

	"github.com/czql/czql/metadata"
)

// TestDescriptions checks the description and kind of each sort of item.
func TestDescriptions(t *testing.T) {
	md := fixture(t, 0)
	tests := []struct {
		in, item, desc string
		kind           Kind
	}{
		{"SELECT | FROM Task", "DueDate", "DateTime · Due Date", Field},
		{"SELECT | FROM Task", "Manager", "→ User · Manager", Field},
		{"SELECT | FROM Task", "State", "pick list · State", Field},
		{"SELECT | FROM Task", "EntityType", "Entity · Entity Type", Field},
		{"SELECT | FROM Project", "Sponsor", "→ User|ContactPerson · Sponsor", Field},
		{"SELECT | FROM Task", "COUNT(", "aggregate", Function},
		{"SELECT | FROM Task", "(SELECT", "relation sub-select", Keyword},
		{"SELECT Name FROM |", "Task", "entity", Entity},
		{"SELECT (SELECT Name FROM |) FROM Task", "Resources", "→ User · Resources", Relation},
		{"SELECT Name FROM Task |", "GROUP BY", "keyword", Keyword},
		{"SELECT Name FROM Task WHERE Name |", "IS NOT NULL", "operator", Operator},
		{"SELECT Name FROM Task WHERE State = |", "'On Hold'", "value of State", Value},
		{"SELECT Name FROM Task WHERE State = |", "NULL", "value of State", Value},
		{"SELECT Name FROM Task WHERE Manager.State IN (|", "'Active'", "value of Manager.State", Value},
	}
	for _, tc := range tests {
		text, cursor := splitCursor(t, tc.in)
		it, ok := find(Complete(md, text, cursor).Items, tc.item)
		switch {
		case !ok:
			t.Errorf("%q: no item %q", tc.in, tc.item)
		case it.Description != tc.desc || it.Kind != tc.kind:
			t.Errorf("%q: %q is %q (%s), want %q (%s)", tc.in, tc.item,
				it.Description, kindNames[it.Kind], tc.desc, kindNames[tc.kind])
		}
	}
}

// TestNilMetadata checks that without metadata only keywords, operators
// and NULL are offered.
func TestNilMetadata(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"|", []string{"SELECT"}},
		{"SELECT | FROM Task", []string{"COUNT(", "SUM(", "AVG(", "MIN(", "MAX("}},
		{"SELECT Name FROM |", nil},
		{"SELECT Name FROM Task |", []string{"WHERE", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET"}},
		{"SELECT Name FROM Task WHERE |", []string{"NOT"}},
		{"SELECT Name FROM Task WHERE State |", []string{"=", "<>", "<", "<=", ">", ">=", "LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL"}},
		{"SELECT Name FROM Task WHERE State = |", []string{"NULL"}},
		{"SELECT Name FROM Task WHERE State = 'A|", nil},
		{"SELECT Manager.| FROM Task", nil},
		{"SELECT (SELECT Name FROM |) FROM Task", nil},
	}
	for _, tc := range tests {
		text, cursor := splitCursor(t, tc.in)
		if got := texts(Complete(nil, text, cursor).Items); !equalStrings(got, tc.want) {
			t.Errorf("%q: items %q, want %q", tc.in, got, tc.want)
		}
	}
}

// equalStrings compares string slices, nil equal to empty.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestClampCursor checks cursors outside the text.
func TestClampCursor(t *testing.T) {
	md := fixture(t, 0)
	text := "SELECT Name FROM Ta"
	if res := Complete(md, text, 1000); res.Start != 17 || len(res.Items) == 0 || res.Items[0].Text != "Task" {
		t.Errorf("cursor past the end: %+v", res)
	}
	if res := Complete(md, text, -5); res.Start != 0 || len(res.Items) != 1 || res.Items[0].Text != "SELECT" {
		t.Errorf("negative cursor: %+v", res)
	}
	if res := Complete(md, "", 3); res.Start != 0 || len(res.Items) != 1 {
		t.Errorf("empty text: %+v", res)
	}
}

// keywordNamed is a set whose entity and fields are named like keywords,
// which must be offered escaped with '@'.
func keywordNamed() *metadata.Metadata {
	return metadata.New(
		&metadata.Entity{TypeName: "Group", Label: "Group", Fields: []*metadata.Field{
			{Name: "Name", Type: metadata.String, Label: "Name"},
			{Name: "Order", Type: metadata.Integer, Label: "Order"},
			{Name: "Count", Type: metadata.Integer, Label: "Count"},
		}},
	)
}

// TestKeywordNames checks the @ escape of names that are keywords.
func TestKeywordNames(t *testing.T) {
	md := keywordNamed()
	tests := []struct {
		in   string
		want []string
	}{
		{"SELECT Name FROM Gr|", []string{"@Group"}},
		{"SELECT | FROM @Group", []string{"@Count", "Name", "@Order", "COUNT(", "SUM(", "AVG(", "MIN(", "MAX("}},
		{"SELECT Name FROM @Group WHERE Ord|", []string{"@Order"}},
		{"SELECT Name FROM @Group WHERE @Ord|", []string{"@Order"}},
		{"SELECT @Order FROM @Group ORDER BY |", []string{"@Count", "Name", "@Order"}},
	}
	for _, tc := range tests {
		text, cursor := splitCursor(t, tc.in)
		if got := texts(Complete(md, text, cursor).Items); !equalStrings(got, tc.want) {
			t.Errorf("%q: items %q, want %q", tc.in, got, tc.want)
		}
	}
}
