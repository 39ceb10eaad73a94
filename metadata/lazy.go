package metadata

import (
	"sync"
	"sync/atomic"
)

// entityLazy is the decoding state of an entity read from a cache: where
// its body block lies in Metadata.cache, and whether it has been decoded.
// Entities built by New have none.
type entityLazy struct {
	done     atomic.Bool // set once the body is decoded and indexed
	mu       sync.Mutex  // held while decoding
	off, end int         // the body block, cache[off:end]
	err      error       // a decode failure (a writer bug: blocks are checked at load)
}

// ensure materialises e if it was read from a cache and is not yet: it
// decodes e's body and builds its block indexes of fields and relations,
// after those of its ancestors. It is safe for concurrent use and cheap
// once done.
func (e *Entity) ensure() {
	if e == nil {
		return
	}
	if l := e.lazy; l != nil && !l.done.Load() {
		e.materialise(l)
	}
}

// materialise is the slow path of ensure. Locks are taken child first,
// then parent; parent links are acyclic (cut at load), so this cannot
// deadlock.
func (e *Entity) materialise(l *entityLazy) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done.Load() {
		return
	}
	e.parent.ensure()
	r := &cacheReader{s: e.md.cache[:l.end], off: l.off}
	r.block(e, false)
	if r.err != nil { // unreachable for a block that passed checkBlocks
		l.err = r.err
		e.Label, e.LabelPlural, e.DisplayField, e.Disabled = "", "", "", false
		e.ValidStates, e.Fields, e.Relations, e.Pickups, e.nameHashes = nil, nil, nil, nil, nil
	}
	indexOne(e)
	l.done.Store(true)
}

// ensureAll materialises every entity of m.
func (m *Metadata) ensureAll() {
	if m.cache == "" {
		return
	}
	for _, e := range m.entities {
		e.ensure()
	}
}

// cacheErr returns the first decode failure of a materialised entity; it
// is nil unless the writer has a bug.
func (m *Metadata) cacheErr() error {
	for _, e := range m.entities {
		if l := e.lazy; l != nil && l.done.Load() && l.err != nil {
			return l.err
		}
	}
	return nil
}
