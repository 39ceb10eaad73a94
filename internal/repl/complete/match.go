package complete

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// matchClass ranks how a candidate matches the typed prefix.
type matchClass int

const (
	noMatch     matchClass = iota
	prefixMatch            // the name starts with the prefix
	innerMatch             // the name contains the prefix elsewhere
)

// matcher compares candidate names with the typed prefix,
// case-insensitively.
type matcher struct {
	prefix string
	folded string // strings.ToLower(prefix), for non-ASCII names
	ascii  bool   // the prefix is ASCII
}

// newMatcher returns a matcher for prefix.
func newMatcher(prefix string) matcher {
	return matcher{prefix: prefix, folded: strings.ToLower(prefix), ascii: isASCII(prefix)}
}

// class returns how name matches the prefix.
func (m matcher) class(name string) matchClass {
	if m.prefix == "" {
		return prefixMatch
	}
	if m.ascii && isASCII(name) {
		return m.classASCII(name)
	}
	lower := strings.ToLower(name)
	switch i := strings.Index(lower, m.folded); {
	case i == 0:
		return prefixMatch
	case i > 0:
		return innerMatch
	}
	return noMatch
}

// classASCII is class for an ASCII prefix and name; it does not allocate.
func (m matcher) classASCII(name string) matchClass {
	n := len(m.prefix)
	for i := 0; i+n <= len(name); i++ {
		if strings.EqualFold(name[i:i+n], m.prefix) {
			if i == 0 {
				return prefixMatch
			}
			return innerMatch
		}
	}
	return noMatch
}

// lowerASCII lowers an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// compareFold orders names case-insensitively, then by bytes so that the
// order is total. ASCII is compared in place; from the first non-ASCII
// byte on, the rest of both names is lowered.
func compareFold(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		ca, cb := a[i], b[i]
		if ca >= utf8.RuneSelf || cb >= utf8.RuneSelf {
			if c := strings.Compare(strings.ToLower(a[i:]), strings.ToLower(b[i:])); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		}
		if c := cmp.Compare(lowerASCII(ca), lowerASCII(cb)); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// candidate is a matched item with the name it was matched by.
type candidate struct {
	name  string
	item  Item
	group int
}

// collector gathers the matching candidates of a context, group by group:
// prefix matches first, then inner matches; within each, groups keep their
// order, and sorted groups (names) are ordered case-insensitively.
type collector struct {
	m      matcher
	group  int
	sorted []bool // sorted[g] reports whether group g is ordered by name
	prefix []candidate
	inner  []candidate
}

// beginGroup starts a new group of candidates; byName says whether it is
// ordered by name (fields, entities) or kept in the given order (keywords,
// values).
func (c *collector) beginGroup(byName bool) {
	c.sorted = append(c.sorted, byName)
	c.group = len(c.sorted) - 1
}

// grow makes room for n more prefix matches, the common case of a long
// candidate list such as every entity after FROM.
func (c *collector) grow(n int) {
	c.prefix = slices.Grow(c.prefix, n)
}

// matches reports how name matches, for callers that build items only for
// matches.
func (c *collector) matches(name string) matchClass { return c.m.class(name) }

// add adds the item matched by name if it matches.
func (c *collector) add(name string, it Item) {
	c.addClass(c.m.class(name), name, it)
}

// addClass adds an item whose match class is known.
func (c *collector) addClass(mc matchClass, name string, it Item) {
	if len(c.sorted) == 0 {
		c.beginGroup(false)
	}
	cand := candidate{name: name, item: it, group: c.group}
	switch mc {
	case prefixMatch:
		c.prefix = append(c.prefix, cand)
	case innerMatch:
		c.inner = append(c.inner, cand)
	}
}

// items returns the collected items, best first.
func (c *collector) items() []Item {
	if len(c.prefix)+len(c.inner) == 0 {
		return nil
	}
	out := make([]Item, 0, len(c.prefix)+len(c.inner))
	for _, list := range [][]candidate{c.prefix, c.inner} {
		c.sortGroups(list)
		for _, cand := range list {
			out = append(out, cand.item)
		}
	}
	return out
}

// sortGroups sorts by name each run of a sorted group in list; runs are
// contiguous because groups are added one after the other.
func (c *collector) sortGroups(list []candidate) {
	for i := 0; i < len(list); {
		j := i + 1
		for j < len(list) && list[j].group == list[i].group {
			j++
		}
		if run := list[i:j]; c.sorted[list[i].group] && !slices.IsSortedFunc(run, byName) {
			slices.SortFunc(run, byName) // a total order: no need for a stable sort
		}
		i = j
	}
}

// byName orders candidates by compareFold of their names.
func byName(a, b candidate) int { return compareFold(a.name, b.name) }
