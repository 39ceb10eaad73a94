package lsp

import (
	"sync"
	"time"
)

// worker is the debounced checker of one document: a goroutine that
// checks the document when its due time comes. Each edit moves the due
// time to the debounce delay after it, so a burst of typing is checked
// once, after it; opening and saving make it due at once.
type worker struct {
	wake chan struct{} // a new due time (capacity 1)
	stop chan struct{} // closed to stop the worker
	done chan struct{} // closed when the worker has stopped

	mu   sync.Mutex
	due  time.Time // zero: nothing to do
	once sync.Once
}

// newWorker returns a worker with nothing to do.
func newWorker() *worker {
	return &worker{wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
}

// schedule makes the document due for a check after delay.
func (w *worker) schedule(delay time.Duration) {
	w.mu.Lock()
	w.due = time.Now().Add(delay)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// take returns how long to wait before the check; when it is time, it
// clears the due time and returns 0. ok is false with nothing to do.
func (w *worker) take() (wait time.Duration, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.due.IsZero() {
		return 0, false
	}
	if wait = time.Until(w.due); wait > 0 {
		return wait, true
	}
	w.due = time.Time{}
	return 0, true
}

// halt stops the worker; it may be called more than once.
func (w *worker) halt() { w.once.Do(func() { close(w.stop) }) }

// stopped reports whether the worker was told to stop.
func (w *worker) stopped() bool {
	select {
	case <-w.stop:
		return true
	default:
		return false
	}
}

// work is the goroutine of d's worker: it checks d each time it is due,
// until it is stopped or the session ends.
func (s *server) work(d *document) {
	defer s.workers.Done()
	defer close(d.w.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-d.w.stop:
			return
		case <-s.ctx.Done():
			return
		case <-d.w.wake:
		case <-timer.C:
		}
		wait, ok := d.w.take()
		switch {
		case !ok:
		case wait > 0:
			timer.Reset(wait)
		default:
			s.check(d)
		}
	}
}

// waitSettings waits for the client's settings, at most settingsWait; it
// returns false when the worker is stopped meanwhile.
func (s *server) waitSettings(w *worker) bool {
	select {
	case <-s.ready:
		return true
	default:
	}
	t := time.NewTimer(settingsWait)
	defer t.Stop()
	select {
	case <-s.ready:
	case <-t.C:
		s.log.Printf("czql lsp: no answer to workspace/configuration after %v: going on without the settings", settingsWait)
		s.settingsKnown()
	case <-w.stop:
		return false
	case <-s.ctx.Done():
		return false
	}
	return true
}

// recheckAll makes every open document due for a check at once.
func (s *server) recheckAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.w.schedule(0)
	}
}
