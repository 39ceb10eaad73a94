package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Running is a sandbox listening on a TCP address.
type Running struct {
	// URL is the API base, e.g. http://127.0.0.1:PORT/v2.0/services.
	URL string
	// Server is the handler being served.
	Server *Server

	http *http.Server
	done chan struct{}
}

// Start serves a new [Server] on addr (such as "127.0.0.1:0") until ctx
// is done or Close is called.
func Start(ctx context.Context, addr string, opts Options) (*Running, error) {
	srv, err := New(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	r := &Running{
		URL:    "http://" + ln.Addr().String() + "/v2.0/services",
		Server: srv,
		http:   &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second},
		done:   make(chan struct{}),
	}
	go func() {
		defer close(r.done)
		r.http.Serve(ln)
	}()
	go func() {
		select {
		case <-ctx.Done():
			r.Close()
		case <-r.done:
		}
	}()
	return r, nil
}

// Close stops the server and waits for it to end.
func (r *Running) Close() error {
	err := r.http.Close()
	<-r.done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
