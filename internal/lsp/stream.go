package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// stream is the base protocol of LSP over a byte stream: each message is
// a JSON body after a "Content-Length: N" header and a blank line. It
// implements jsonrpc2.ObjectStream.
//
// A message that cannot be read never ends the stream: a malformed
// header, a body over [maxMessageSize] or a body that is not a JSON-RPC
// message is answered with an error response (carrying the request's id
// when it can be read) and logged, and reading goes on with the next
// message. Only the end of the input, or an input that ends inside a
// message, ends it.
type stream struct {
	r      *bufio.Reader
	closer io.Closer // the input and output, when they can be closed
	log    *log.Logger
	// pending is a header line read ahead, the first of the next message.
	pending string

	mu sync.Mutex // guards w
	w  *bufio.Writer
}

// newStream returns the stream of messages read from r and written to w;
// closer (may be nil) is closed by Close.
func newStream(r io.Reader, w io.Writer, closer io.Closer, logger *log.Logger) *stream {
	return &stream{r: bufio.NewReader(r), w: bufio.NewWriter(w), closer: closer, log: logger}
}

// errFrame marks a message whose header cannot be read, or whose body is
// too large.
var errFrame = errors.New("bad message")

// ReadObject reads the next message that decodes into v, a pointer to
// the message type of jsonrpc2.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		switch {
		case errors.Is(err, errFrame):
			s.reject(nil, jsonrpc2.CodeParseError, err.Error())
			continue
		case err != nil:
			return err
		}
		if err := decodeInto(body, v); err != nil {
			code, id := classify(body)
			s.reject(id, code, fmt.Sprintf("bad message: %v", err))
			continue
		}
		return nil
	}
}

// decodeInto decodes body into a fresh value of v's type and, when that
// succeeds, stores it in v: a failed decoding leaves v as it was.
func decodeInto(body []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("decoding into a non-pointer")
	}
	fresh := reflect.New(rv.Elem().Type())
	if err := json.Unmarshal(body, fresh.Interface()); err != nil {
		return err
	}
	rv.Elem().Set(fresh.Elem())
	return nil
}

// classify returns the error code of a body that is no message, and the
// id of the request it was meant to be when it has one.
func classify(body []byte) (int64, *jsonrpc2.ID) {
	var probe struct {
		ID *jsonrpc2.ID `json:"id"`
	}
	if json.Unmarshal(body, &probe) != nil {
		return jsonrpc2.CodeParseError, nil
	}
	return jsonrpc2.CodeInvalidRequest, probe.ID
}

// reject answers a message that cannot be handled with an error response
// and logs it.
func (s *stream) reject(id *jsonrpc2.ID, code int64, msg string) {
	s.log.Printf("czql lsp: %s", msg)
	resp := map[string]any{"jsonrpc": "2.0", "id": nil, "error": &jsonrpc2.Error{Code: code, Message: msg}}
	if id != nil {
		resp["id"] = id
	}
	if err := s.WriteObject(resp); err != nil {
		s.log.Printf("czql lsp: writing an error response: %v", err)
	}
}

// readFrame reads one message's header and body. It returns errFrame
// (wrapped) for a message it skipped, and io.EOF or another read error
// when the input ends.
func (s *stream) readFrame() ([]byte, error) {
	length, err := s.readHeader()
	if err != nil {
		return nil, err
	}
	if length > maxMessageSize {
		if _, err := io.CopyN(io.Discard, s.r, length); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("%w: a body of %d bytes is over the limit of %d", errFrame, length, maxMessageSize)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// readHeader reads header lines up to the blank line that ends them and
// returns the Content-Length. Other headers (Content-Type) are ignored.
// After a bad message whose body could not be skipped, the body's text is
// read as header lines: a line holding "Content-Length:" after other text
// is the start of the next message, which is read next.
func (s *stream) readHeader() (int64, error) {
	length, lines := int64(-1), 0
	var problem error
	for {
		line, err := s.readLine()
		switch {
		case err == io.EOF && lines == 0:
			return 0, io.EOF
		case err != nil:
			return 0, io.ErrUnexpectedEOF
		}
		lines++
		if i := strings.Index(line, "Content-Length:"); i > 0 {
			s.pending = line[i:]
			return 0, fmt.Errorf("%w: text that is no header before %q", errFrame, "Content-Length:")
		}
		if line == "" {
			break
		}
		if problem == nil {
			problem = s.headerLine(line, lines, &length)
		}
	}
	switch {
	case problem != nil:
		return 0, problem
	case length < 0:
		return 0, fmt.Errorf("%w: no Content-Length header", errFrame)
	}
	return length, nil
}

// headerLine reads the n-th header line, setting *length when it is the
// Content-Length.
func (s *stream) headerLine(line string, n int, length *int64) error {
	if n > maxHeaders {
		return fmt.Errorf("%w: more than %d header lines", errFrame, maxHeaders)
	}
	v, ok, err := contentLength(line)
	if ok {
		*length = v
	}
	return err
}

// contentLength reads a Content-Length header line; ok is false for
// another header.
func contentLength(line string) (int64, bool, error) {
	name, value, found := strings.Cut(line, ":")
	if !found {
		return 0, false, fmt.Errorf("%w: header line %q has no ':'", errFrame, clip(line))
	}
	if !strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	if err != nil || n < 0 {
		return 0, false, fmt.Errorf("%w: Content-Length %q is not a length", errFrame, clip(value))
	}
	return n, true, nil
}

// clip shortens s for a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// readLine reads one header line without its "\r\n" (or "\n"). A line
// longer than maxHeaderLine is read to its end and returned as a line of
// its own that is no header, so that it makes the message bad without
// being held.
func (s *stream) readLine() (string, error) {
	if s.pending != "" {
		line := s.pending
		s.pending = ""
		return line, nil
	}
	var buf []byte
	long := false
	for {
		chunk, err := s.r.ReadSlice('\n')
		if long = long || len(buf)+len(chunk) > maxHeaderLine+2; !long {
			buf = append(buf, chunk...)
		}
		switch {
		case err == nil && long:
			return fmt.Sprintf("(a line over %d bytes)", maxHeaderLine), nil
		case err == nil:
			return string(bytes.TrimRight(buf, "\r\n")), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && (len(buf) > 0 || long):
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
}

// WriteObject writes one message.
func (s *stream) WriteObject(obj any) error {
	body, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n", len(body))
	s.w.Write(body)
	return s.w.Flush()
}

// Close closes the input and output when they can be closed.
func (s *stream) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}
