package diag

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var taskFields = []string{
	"Name", "Description", "DueDate", "StartDate", "State", "Status", "Manager",
	"Owner", "Assignee", "AssignedTo", "Duration", "Work", "Priority", "Parent",
	"Project", "CreatedBy", "CreatedOn", "Title", "Importance", "C_DueDateReason",
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       []string
	}{
		{"DueDat", taskFields, []string{"DueDate"}},
		{"Nmae", taskFields, []string{"Name"}},                    // transposition
		{"Descirption", taskFields, []string{"Description"}},      // transposition
		{"Desciption", taskFields, []string{"Description"}},       // deletion
		{"duedate", taskFields, []string{"DueDate"}},              // case only
		{"DUEDATE", taskFields, []string{"DueDate"}},              // case only
		{"Stat", taskFields, []string{"State", "Status"}},         // prefixes, in candidate order
		{"Statu", taskFields, []string{"State", "Status"}},        // a tie keeps candidate order
		{"Assig", taskFields, []string{"Assignee", "AssignedTo"}}, // prefixes
		{"Created", taskFields, []string{"CreatedBy", "CreatedOn"}},
		{"Manger", taskFields, []string{"Manager"}},
		{"Mangr", taskFields, nil},                                              // distance 2, threshold 1
		{"Budget", taskFields, nil},                                             // nothing close
		{"X", taskFields, nil},                                                  // too short to be close to anything
		{"", taskFields, nil},                                                   // empty name
		{"DueDat", nil, nil},                                                    // no candidates
		{"Nam", []string{"nam", "Name", "NAM"}, []string{"nam", "NAM", "Name"}}, // exact matches first
		{"Id", []string{"id", "Ix", "ID"}, []string{"id", "ID", "Ix"}},
		{"Nme", []string{"Name", "Name", "Nome"}, []string{"Name", "Nome"}}, // duplicates once
		{"Stätus", taskFields, []string{"Status"}},
		{"ab", []string{"ba"}, []string{"ba"}},
		{"abc", []string{"xyz", "cab"}, nil},
		{strings.Repeat("a", 300), []string{strings.Repeat("a", 300)}, nil}, // too long
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Suggest(tt.name, tt.candidates)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestSuggestAtMostThree(t *testing.T) {
	got := Suggest("Field", []string{"Field1", "Field2", "Field3", "Field4", "Fiel"})
	want := []string{"Field1", "Field2", "Field3"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// A better candidate late in the list still gets in, ahead of the others.
	got = Suggest("Field", []string{"Fields1", "Fields2", "Fields3", "field"})
	want = []string{"field", "Fields1", "Fields2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"kitten", "sitting", 3},
		{"abcdef", "abcdef", 0},
		{"abcdef", "ABCDEF", 0},
		{"abcdef", "bacdef", 1},
		{"abcdef", "abcdfe", 1},
		{"abcdef", "abdef", 1},
		{"abcdef", "abcxdef", 1},
		{"abcdef", "", 6},
		{"ca", "abc", 3}, // OSA, not Damerau-Levenshtein (2)
		{"日本語です", "日本語でした", 2},
	}
	for _, tt := range tests {
		m, ok := newMatcher(tt.a)
		if !ok {
			t.Fatalf("newMatcher(%q) failed", tt.a)
		}
		// Distances beyond the threshold are only known to be beyond it.
		want := min(tt.want, m.threshold+1)
		if got := min(m.distance(tt.b), m.threshold+1); got != want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"DueDat", taskFields, `did you mean "DueDate"?`},
		{"Assig", taskFields, `did you mean "Assignee" or "AssignedTo"?`},
		{"Stat", taskFields, `did you mean "State" or "Status"?`},
		{"Star", taskFields, `did you mean "StartDate"?`},
		{"Field", []string{"Field1", "Fields", "Feld"}, `did you mean "Field1", "Fields" or "Feld"?`},
		{"Budget", taskFields, ""},
		{"naem", []string{"Na\"me"}, ""},
		{"nme", []string{"n\"me"}, `did you mean "n\"me"?`},
	}
	for _, tt := range tests {
		if got := DidYouMean(tt.name, tt.candidates); got != tt.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	candidates := slices.Clone(taskFields)
	for i := len(candidates); i < 200; i++ {
		candidates = append(candidates, fmt.Sprintf("C_CustomField%03d", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		Suggest("C_CustmField042", candidates)
		Suggest("DueDat", candidates)
	}
}

// osa is the textbook optimal-string-alignment distance over runes.
func osa(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestDistanceMatchesReference compares the banded, early-exiting distance
// with the textbook one on every pair of short strings over a small
// alphabet, up to the threshold.
func TestDistanceMatchesReference(t *testing.T) {
	var words []string
	var gen func(prefix string)
	gen = func(prefix string) {
		words = append(words, prefix)
		if len(prefix) < 4 {
			for _, r := range "abc" {
				gen(prefix + string(r))
			}
		}
	}
	gen("")
	for _, a := range words[1:] {
		for _, long := range []string{"", "ab", "cabca"} {
			m, _ := newMatcher(a + long)
			for _, b := range words {
				b += long
				want := min(osa([]rune(a+long), []rune(b)), m.threshold+1)
				if got := min(m.distance(b), m.threshold+1); got != want {
					t.Fatalf("distance(%q, %q) = %d, want %d", a+long, b, got, want)
				}
			}
		}
	}
}
