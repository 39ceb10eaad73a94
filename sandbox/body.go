package sandbox

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// bodyChunk is the unit in which bodies of unknown length are read and
// reserved.
const bodyChunk = 64 << 10

// bodyMemory is the budget of request body bytes the server holds at
// once.
type bodyMemory struct {
	mu         sync.Mutex
	used, max  int64
	peak, fail int64 // for tests: the most held at once, refusals
}

// take reserves n bytes, reporting false when they do not fit.
func (m *bodyMemory) take(n int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used+n > m.max {
		m.fail++
		return false
	}
	m.used += n
	m.peak = max(m.peak, m.used)
	return true
}

// give returns n reserved bytes.
func (m *bodyMemory) give(n int64) {
	m.mu.Lock()
	m.used -= n
	m.mu.Unlock()
}

// errBusy is the answer to a body that does not fit in the memory that
// bodies may hold: 429, to be tried again.
var errBusy = errors.New("busy")

// busyBody is the 429 body of errBusy, in the shape of the rate limit's.
const busyBody = `{"statusCode":"Too Many Requests","message":"The sandbox is busy reading other requests; try again.","retryAfter":"1"}`

// readBody reads the body of r, at most limit bytes, which must arrive
// within the server's BodyTimeout and fit in its body memory. It returns
// the body and the function that gives its memory back once the request
// is answered.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, func(), error) {
	none := func() {}
	if r.Body == nil || r.Body == http.NoBody {
		return nil, none, nil
	}
	if r.ContentLength > limit {
		return nil, none, errorf(codeInvalidArgument, "the request body is larger than %d bytes", limit)
	}
	rc := http.NewResponseController(w)
	if rc.SetReadDeadline(time.Now().Add(s.opts.BodyTimeout)) == nil {
		defer rc.SetReadDeadline(time.Time{})
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	var held int64
	release := func() { s.bodies.give(held) }
	data, err := s.readHeld(body, r.ContentLength, &held)
	if err != nil {
		release()
		return nil, none, err
	}
	return data, release, nil
}

// readHeld reads body, reserving its bytes as they come (all at once
// when the length is known); *held is what is reserved.
func (s *Server) readHeld(body io.Reader, length int64, held *int64) ([]byte, error) {
	var buf bytes.Buffer
	if length > 0 {
		if !s.bodies.take(length) {
			return nil, errBusy
		}
		*held = length
		buf.Grow(int(length))
	}
	chunk := make([]byte, bodyChunk)
	for {
		n, err := body.Read(chunk)
		if int64(buf.Len()+n) > *held {
			if !s.bodies.take(bodyChunk) {
				return nil, errBusy
			}
			*held += bodyChunk
		}
		buf.Write(chunk[:n])
		if err == io.EOF {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, bodyError(err)
		}
	}
}

// bodyError turns a failed body read into the API error to answer.
func bodyError(err error) error {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return errorf(codeInvalidArgument, "the request body is larger than %d bytes", tooBig.Limit)
	case errors.Is(err, errBusy):
		return err
	}
	var ne interface{ Timeout() bool }
	if errors.As(err, &ne) && ne.Timeout() {
		return errorf(codeInvalidArgument, "the request body did not arrive in time")
	}
	return errorf(codeInvalidArgument, "the request body could not be read")
}

// eofBody is a request body that remembers whether it was read to its
// end.
type eofBody struct {
	io.ReadCloser
	done bool
}

// Read reads from the body, noting its end.
func (b *eofBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.done = true
	}
	return n, err
}

// closeUnread answers on a connection that closes after the answer when
// the request's body was not read to its end: the server would otherwise
// wait for the rest of a body that the answer no longer needs, as slowly
// as the client sends it.
type closeUnread struct {
	http.ResponseWriter
	body  *eofBody
	wrote bool
}

// guardBody wraps r's body and w so that an unread body closes the
// connection.
func guardBody(w http.ResponseWriter, r *http.Request) http.ResponseWriter {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return w
	}
	b := &eofBody{ReadCloser: r.Body}
	r.Body = b
	return &closeUnread{ResponseWriter: w, body: b}
}

// WriteHeader asks for the connection to close if the body is unread.
func (c *closeUnread) WriteHeader(status int) {
	if !c.wrote && !c.body.done {
		c.Header().Set("Connection", "close")
	}
	c.wrote = true
	c.ResponseWriter.WriteHeader(status)
}

// Write writes the header first.
func (c *closeUnread) Write(p []byte) (int, error) {
	if !c.wrote {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(p)
}

// Unwrap gives http.ResponseController the connection's writer.
func (c *closeUnread) Unwrap() http.ResponseWriter { return c.ResponseWriter }
