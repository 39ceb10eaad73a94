package sandbox

import (
	"context"
	"errors"
	"net"
	"net/http"
)

// Running is a sandbox listening on a TCP address.
type Running struct {
	// URL is the API base, e.g. http://127.0.0.1:PORT/v2.0/services.
	URL string
	// Server is the handler being served.
	Server *Server

	http *http.Server
	ln   *limitListener
	done chan struct{}
}

// Start serves a new [Server] on addr (such as "127.0.0.1:0") until ctx
// is done or Close is called. The server's BaseURL, unless opts gives
// one, is the URL it listens on. It serves at most opts.MaxConnections
// connections at once, each with the head, idle and body time limits of
// the package.
func Start(ctx context.Context, addr string, opts Options) (*Running, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	url := "http://" + ln.Addr().String() + "/v2.0/services"
	if opts.BaseURL == "" {
		opts.BaseURL = url
	}
	srv, err := New(opts)
	if err != nil {
		ln.Close()
		return nil, err
	}
	lim := newLimitListener(ln, srv.opts.MaxConnections)
	r := &Running{
		URL:    url,
		Server: srv,
		ln:     lim,
		http:   newHTTPServer(closeWhenCrowded(srv, lim)),
		done:   make(chan struct{}),
	}
	go func() {
		defer close(r.done)
		r.http.Serve(lim)
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

// newHTTPServer serves h with the package's limits on request heads and
// idle connections (bodies and answers are bounded by the [Server]).
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: HeaderTimeout, IdleTimeout: IdleTimeout, MaxHeaderBytes: MaxHeaderBytes}
}
