package gen

import (
	"strconv"
	"strings"
	"unicode"
)

// namer hands out Go identifiers, unique within one scope: a name taken
// already gets the smallest suffix 2, 3, … that is free.
type namer struct {
	taken map[string]bool
}

// newNamer returns a namer whose scope already holds reserved.
func newNamer(reserved ...string) *namer {
	n := &namer{taken: map[string]bool{}}
	for _, r := range reserved {
		n.taken[r] = true
	}
	return n
}

// name returns a free identifier made from s (see [exported]).
func (n *namer) name(s string) string {
	base := exported(s)
	id := base
	for i := 2; n.taken[id]; i++ {
		id = base + strconv.Itoa(i)
	}
	n.taken[id] = true
	return id
}

// exported makes an exported Go identifier of s: its [words], with the
// prefix X when they would not start with an upper-case letter.
func exported(s string) string {
	id := words(s)
	if r := []rune(id + " ")[0]; !unicode.IsUpper(r) {
		id = "X" + id
	}
	return id
}

// suffix makes the tail of a constant's name from a value: its [words],
// or V when it has none.
func suffix(s string) string {
	if id := words(s); id != "" {
		return id
	}
	return "V"
}

// words keeps the letters, digits and '_' of s and drops the other
// characters, each word after a dropped one (and the first) starting with
// a capital: "on Hold" gives OnHold.
func words(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
		upper = false
	}
	return b.String()
}
