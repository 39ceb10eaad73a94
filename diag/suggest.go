package diag

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

const (
	// maxSuggestions is the most names Suggest returns.
	maxSuggestions = 3
	// maxSuggestLen is the longest name, in runes, Suggest looks at; longer
	// names are not identifiers anybody mistyped and get no suggestions.
	maxSuggestLen = 256
	// minPrefixLen is the shortest name that counts as close to every
	// candidate it is a prefix of.
	minPrefixLen = 3
)

// Suggest returns the candidates closest to name, best first, at most three.
//
// Closeness is the optimal-string-alignment distance (Levenshtein plus the
// transposition of two adjacent runes) between the case-folded strings. A
// candidate is close when its distance is at most max(1, n/3) but below n,
// where n is the length of name in runes, and never more than 3; so a
// candidate that differs from name only in case has distance 0 and comes
// first. A candidate that name is a prefix of (ignoring case, name being at
// least 3 runes long) is close too and ranks by its distance capped at the
// threshold. Ties keep the order of candidates; a candidate listed twice is
// returned once. Suggest returns nil when nothing is close or name is empty
// or longer than 256 runes.
//
// Suggest allocates little: the folded name, one buffer for the distance
// rows and the result, whatever the number and length of the candidates.
func Suggest(name string, candidates []string) []string {
	m, ok := newMatcher(name)
	if !ok {
		return nil
	}
	var best [maxSuggestions]match
	n := 0
	for i, c := range candidates {
		score, ok := m.score(c)
		if ok && !listed(best[:n], candidates, c) {
			n = insertMatch(&best, n, match{score: score, index: i})
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for k, b := range best[:n] {
		out[k] = candidates[b.index]
	}
	return out
}

// DidYouMean returns a suggestion message for name: `did you mean "X"?`,
// `did you mean "X" or "Y"?` or `did you mean "X", "Y" or "Z"?` with the
// names [Suggest] finds among candidates, or "" when it finds none.
func DidYouMean(name string, candidates []string) string {
	s := Suggest(name, candidates)
	if len(s) == 0 {
		return ""
	}
	msg := "did you mean "
	for i, c := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			msg += " or "
		default:
			msg += ", "
		}
		msg += strconv.Quote(c)
	}
	return msg + "?"
}

// match is a close candidate: its score (lower is better) and its index in
// the candidate list.
type match struct {
	score, index int
}

// insertMatch inserts m into the first n entries of best, kept sorted by
// score and then index, and returns the new count. Entries pushed past the
// end are dropped; m itself is dropped when it ranks after all of them.
func insertMatch(best *[maxSuggestions]match, n int, m match) int {
	pos := n
	for pos > 0 && best[pos-1].score > m.score {
		pos--
	}
	if pos == len(best) {
		return n
	}
	n = min(n+1, len(best))
	copy(best[pos+1:n], best[pos:n-1])
	best[pos] = m
	return n
}

// listed reports whether c is already among the candidates chosen in best.
func listed(best []match, candidates []string, c string) bool {
	for _, b := range best {
		if candidates[b.index] == c {
			return true
		}
	}
	return false
}

// matcher scores candidates against one case-folded name.
type matcher struct {
	name      []rune // case-folded
	threshold int
	rows      []int // three distance rows of len(name)+1, reused
}

// newMatcher returns a matcher for name, or false when name is empty or
// too long to get suggestions.
func newMatcher(name string) (matcher, bool) {
	n := utf8.RuneCountInString(name)
	if n == 0 || n > maxSuggestLen {
		return matcher{}, false
	}
	folded := make([]rune, 0, n)
	for _, r := range name {
		folded = append(folded, fold(r))
	}
	return matcher{
		name:      folded,
		threshold: min(3, max(1, n/3)),
		rows:      make([]int, 3*(n+1)),
	}, true
}

// fold returns the rune r is compared as: its lower case.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// score returns the rank of candidate c, and false when c is not close.
func (m *matcher) score(c string) (int, bool) {
	n := len(m.name)
	if len(m.name) >= minPrefixLen && m.isPrefixOf(c) {
		return min(m.distance(c), m.threshold), true
	}
	if diff := utf8.RuneCountInString(c) - n; diff > m.threshold || -diff > m.threshold {
		return 0, false
	}
	d := m.distance(c)
	return d, d <= m.threshold && d < n
}

// isPrefixOf reports whether the name is a case-insensitive prefix of c.
func (m *matcher) isPrefixOf(c string) bool {
	k := 0
	for _, r := range c {
		if k == len(m.name) {
			break
		}
		if fold(r) != m.name[k] {
			return false
		}
		k++
	}
	return k == len(m.name)
}

// distance returns the optimal-string-alignment distance between the name
// and the case-folded c, or a number above the threshold as soon as it is
// sure to exceed it. It fills three rows indexed by the name's runes, one
// row per rune of c, and only the band of cells within the threshold of the
// diagonal, so it allocates nothing and does O(len(c)*threshold) work.
func (m *matcher) distance(c string) int {
	a, w, limit := m.name, len(m.name)+1, m.threshold+1
	prev2, prev, cur := m.rows[:w], m.rows[w:2*w], m.rows[2*w:]
	for i := range prev {
		prev[i] = i
	}
	var last rune // the previous rune of c
	j := 0
	for _, r := range c {
		b := fold(r)
		j++
		lo, hi := max(1, j-m.threshold), min(w-1, j+m.threshold)
		if lo > hi {
			return limit // c is longer than the name by more than the threshold
		}
		cur[0] = j
		if lo > 1 {
			cur[lo-1] = limit // sentinel left of the band
		}
		rowMin := cur[lo-1]
		for i := lo; i <= hi; i++ {
			cost := 1
			if a[i-1] == b {
				cost = 0
			}
			v := min(prev[i]+1, cur[i-1]+1, prev[i-1]+cost)
			if i > 1 && j > 1 && a[i-1] == last && a[i-2] == b {
				v = min(v, prev2[i-2]+1)
			}
			cur[i] = v
			rowMin = min(rowMin, v)
		}
		if hi+1 < w {
			cur[hi+1] = limit // sentinel right of the band, read by the next row
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
		last = b
	}
	if w-1 > j+m.threshold {
		return limit // the name is longer than c by more than the threshold
	}
	return prev[w-1]
}
