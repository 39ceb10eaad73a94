package sandbox

import (
	"net"
	"net/http"
	"sync"
)

// limitListener accepts at most max connections at once: Accept waits
// while that many are open. Each accepted connection gives its place
// back when it closes.
type limitListener struct {
	net.Listener
	slots chan struct{}

	mu   sync.Mutex
	open int
	peak int // for tests: the most open at once
}

func newLimitListener(ln net.Listener, max int) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, max)}
}

// Accept waits for a free place, then for a connection.
func (l *limitListener) Accept() (net.Conn, error) {
	l.slots <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	l.mu.Lock()
	l.open++
	l.peak = max(l.peak, l.open)
	l.mu.Unlock()
	return &limitedConn{Conn: c, l: l}, nil
}

// crowded reports whether at least three quarters of the places are
// taken.
func (l *limitListener) crowded() bool {
	return 4*len(l.slots) >= 3*cap(l.slots)
}

// release gives a place back.
func (l *limitListener) release() {
	l.mu.Lock()
	l.open--
	l.mu.Unlock()
	<-l.slots
}

// limitedConn is an accepted connection that gives its place back once
// closed.
type limitedConn struct {
	net.Conn
	l    *limitListener
	once sync.Once
}

// Close closes the connection and gives its place back.
func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.l.release)
	return err
}

// closeWhenCrowded asks clients to close their connections after each
// answer while the listener is crowded, so that idle kept-alive
// connections do not hold the places that new clients wait for.
func closeWhenCrowded(h http.Handler, l *limitListener) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.crowded() {
			w.Header().Set("Connection", "close")
		}
		h.ServeHTTP(w, r)
	})
}
