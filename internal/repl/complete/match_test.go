package complete

import (
	"slices"
	"testing"
)

// TestMatcherClass checks case-insensitive prefix and inner matching.
func TestMatcherClass(t *testing.T) {
	tests := []struct {
		prefix, name string
		want         matchClass
	}{
		{"", "Name", prefixMatch},
		{"na", "Name", prefixMatch},
		{"NA", "name", prefixMatch},
		{"na", "Manager", innerMatch},
		{"name", "Name", prefixMatch},
		{"names", "Name", noMatch},
		{"x", "Name", noMatch},
		{"ét", "Était", prefixMatch},
		{"TAT", "État", innerMatch},
		{"é", "Name", noMatch},
		{"\xff", "Name", noMatch},
	}
	for _, tc := range tests {
		if got := newMatcher(tc.prefix).class(tc.name); got != tc.want {
			t.Errorf("class(%q, %q) = %d, want %d", tc.prefix, tc.name, got, tc.want)
		}
	}
}

// TestCompareFold checks the case-insensitive order of names.
func TestCompareFold(t *testing.T) {
	names := []string{"b", "C_x", "a", "Ab", "ab", "État", "Z", "_u", "zeta", "CZ"}
	slices.SortFunc(names, compareFold)
	want := []string{"_u", "a", "Ab", "ab", "b", "C_x", "CZ", "Z", "zeta", "État"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %q, want %q", names, want)
	}
}

// TestCollectorOrder checks that prefix matches come first, that groups
// keep their order and that only name groups are sorted.
func TestCollectorOrder(t *testing.T) {
	c := collector{m: newMatcher("st")}
	c.beginGroup(true)
	for _, n := range []string{"State", "Cost", "start", "Name", "Status"} {
		c.add(n, Item{Text: n})
	}
	c.beginGroup(false)
	for _, n := range []string{"STOP", "ASC", "STAY"} {
		c.add(n, Item{Text: n})
	}
	want := []string{"start", "State", "Status", "STOP", "STAY", "Cost"}
	if got := texts(c.items()); !slices.Equal(got, want) {
		t.Errorf("items %q, want %q", got, want)
	}
}
