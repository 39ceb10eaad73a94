package parser

// slab hands out pointers to values of T allocated in chunks, so that a
// parse makes one allocation per chunk rather than one per node. Chunks
// are never moved: a pointer stays valid, and a chunk lives as long as any
// of its values is referenced.
type slab[T any] struct {
	buf  []T
	next int // size of the next chunk
}

// maxChunk is the most values a chunk holds. Chunks double up to it and
// no further: a chunk lives while any of its values does, so a reader of
// one statement at a time (see Statements) keeps at most a chunk of each
// kind alive from statements already dropped.
const maxChunk = 1024

// newSlab returns a slab whose first chunk holds n values, or maxChunk if
// n is larger: a statement may fail early, and later chunks double.
func newSlab[T any](n int) slab[T] { return slab[T]{next: min(max(n, 4), maxChunk)} }

// new returns a pointer to a fresh zero T.
func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, max(s.next, 4))
		s.next = min(2*cap(s.buf), maxChunk)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// slice returns a fresh slice of n zero values with capacity n, so that
// appending to it never writes into the slab.
func (s *slab[T]) slice(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(s.next, n, 4))
		s.next = min(2*cap(s.buf), maxChunk)
	}
	start := len(s.buf)
	s.buf = s.buf[:start+n]
	return s.buf[start : start+n : start+n]
}

// push appends v to s, doubling the capacity when it is full. append grows
// large slices by a quarter, which for a statement of a million tokens
// copies the slice some thirty times; doubling copies it about once.
func push[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		grown := make([]T, len(s), max(2*cap(s), 8))
		copy(grown, s)
		s = grown
	}
	return append(s, v)
}
