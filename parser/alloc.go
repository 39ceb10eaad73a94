package parser

// slab hands out pointers to values of T allocated in chunks, so that a
// parse makes one allocation per chunk rather than one per node. Chunks
// are never moved: a pointer stays valid, and a chunk lives as long as any
// of its values is referenced.
type slab[T any] struct {
	buf  []T
	next int // size of the next chunk
}

// newSlab returns a slab whose first chunk holds n values, or 1024 if n
// is larger: a statement may fail early, and later chunks double.
func newSlab[T any](n int) slab[T] { return slab[T]{next: min(max(n, 4), 1024)} }

// new returns a pointer to a fresh zero T.
func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, max(s.next, 4))
		s.next = 2 * cap(s.buf)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// slice returns a fresh slice of n zero values with capacity n, so that
// appending to it never writes into the slab.
func (s *slab[T]) slice(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(s.next, n, 4))
		s.next = 2 * cap(s.buf)
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
