package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// rawClient talks to a server byte by byte, to send what a well-behaved
// client never would.
type rawClient struct {
	t    *testing.T
	conn net.Conn
	in   *stream
	exit chan int
}

// startRaw runs a server on a pipe.
func startRaw(t *testing.T) *rawClient {
	sc, cc := net.Pipe()
	srv := newServer(Options{Log: testLog{t}, Debounce: time.Millisecond})
	r := &rawClient{t: t, conn: cc, in: newStream(cc, io.Discard, nil, log.New(io.Discard, "", 0)), exit: make(chan int, 1)}
	go func() { r.exit <- srv.serve(context.Background(), sc, sc) }()
	t.Cleanup(func() { cc.Close() })
	return r
}

// send writes bytes as they are.
func (r *rawClient) send(s string) {
	r.t.Helper()
	if _, err := io.WriteString(r.conn, s); err != nil {
		r.t.Fatal(err)
	}
}

// frame wraps a body in its header.
func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// response is what the raw client reads back.
type response struct {
	ID     any             `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *jsonrpc2.Error `json:"error"`
}

// next reads the next message that is no notification.
func (r *rawClient) next() response {
	r.t.Helper()
	for {
		r.conn.SetReadDeadline(time.Now().Add(waitTime))
		body, err := r.in.readFrame()
		if err != nil {
			r.t.Fatalf("reading: %v", err)
		}
		var resp response
		if err := json.Unmarshal(body, &resp); err != nil {
			r.t.Fatalf("bad message from the server: %s", body)
		}
		if resp.Method == "" {
			return resp
		}
	}
}

// expectError reads a response and checks its id and error code.
func (r *rawClient) expectError(id any, code int64) {
	r.t.Helper()
	resp := r.next()
	if fmt.Sprint(resp.ID) != fmt.Sprint(id) || resp.Error == nil || resp.Error.Code != code {
		r.t.Errorf("got id %v error %+v, want id %v code %d", resp.ID, resp.Error, id, code)
	}
}

// Malformed messages, unknown methods, panics and the life cycle: every
// request gets an answer and the server goes on until exit.
func TestMalformedMessagesNeverEndTheServer(t *testing.T) {
	old := methods["test/panic"]
	methods["test/panic"] = func(*server, json.RawMessage) (any, error) { panic("boom") }
	t.Cleanup(func() {
		if old == nil {
			delete(methods, "test/panic")
		}
	})
	r := startRaw(t)
	r.send(frame(`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}`))
	r.expectError(1, codeServerNotInitialized)
	r.send(frame(`{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}`))
	if resp := r.next(); resp.Error != nil || !strings.Contains(string(resp.Result), `"positionEncoding":"utf-16"`) {
		t.Fatalf("initialize: %+v", resp)
	}
	r.send(frame(`{"jsonrpc":"2.0","id":3,`))
	r.expectError(nil, jsonrpc2.CodeParseError)
	r.send(frame(`{"jsonrpc":"2.0","id":4,"params":{}}`))
	r.expectError(4, jsonrpc2.CodeInvalidRequest)
	r.send("Content-Type: x\r\nContent-Length: abc\r\n\r\n")
	r.expectError(nil, jsonrpc2.CodeParseError)
	r.send("garbage line\r\n\r\n")
	r.expectError(nil, jsonrpc2.CodeParseError)
	r.send(frame(`{"jsonrpc":"2.0","id":5,"method":"no/such/method"}`))
	r.expectError(5, jsonrpc2.CodeMethodNotFound)
	r.send(frame(`{"jsonrpc":"2.0","id":6,"method":"test/panic"}`))
	r.expectError(6, jsonrpc2.CodeInternalError)
	r.send(frame(`{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":"nonsense"}`))
	r.expectError(7, jsonrpc2.CodeInvalidParams)
	r.send(frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///q.czql","version":1,"text":"SELECT"}}}`))
	r.send(frame(`{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///q.czql"},"position":{"line":99,"character":99}}}`))
	if resp := r.next(); resp.Error != nil || fmt.Sprint(resp.ID) != "8" {
		t.Errorf("hover after the bad messages: %+v", resp)
	}
	r.send(frame(`{"jsonrpc":"2.0","id":9,"method":"shutdown"}`))
	if resp := r.next(); resp.Error != nil || string(resp.Result) != "null" {
		t.Errorf("shutdown: %+v", resp)
	}
	r.send(frame(`{"jsonrpc":"2.0","id":10,"method":"textDocument/hover","params":{}}`))
	r.expectError(10, jsonrpc2.CodeInvalidRequest)
	r.send(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	select {
	case code := <-r.exit:
		if code != 0 {
			t.Errorf("exit code %d after shutdown, want 0", code)
		}
	case <-time.After(waitTime):
		t.Fatal("the server did not exit")
	}
}

// The end of the input ends the server, with 1 without a shutdown.
func TestEndOfInputEndsTheServer(t *testing.T) {
	r := startRaw(t)
	r.send(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`))
	r.next()
	r.conn.Close()
	select {
	case code := <-r.exit:
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
	case <-time.After(waitTime):
		t.Fatal("the server did not stop at the end of its input")
	}
}

// A message over the size limit is skipped unread; the next one is read.
func TestOversizedMessageSkipped(t *testing.T) {
	var in bytes.Buffer
	fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n", maxMessageSize+1)
	in.Write(bytes.Repeat([]byte(" "), maxMessageSize+1))
	in.WriteString(frame(`{"jsonrpc":"2.0","method":"initialized"}`))
	var out bytes.Buffer
	st := newStream(&in, &out, nil, log.New(io.Discard, "", 0))
	var req jsonrpc2.Request
	if err := st.ReadObject(&req); err != nil || req.Method != "initialized" {
		t.Fatalf("read %+v, %v", req, err)
	}
	if !strings.Contains(out.String(), "over the limit") {
		t.Errorf("no error response: %q", out.String())
	}
}

// Header lines of any length are read without holding them, and a
// message's text after a bad header does not hide the next message.
func TestStreamResynchronises(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	in := long + "\r\n\r\n" + "Content-Length: 5\r\n\r\n{oops" + frame(`{"jsonrpc":"2.0","method":"a"}`) +
		"Content-Length: x\r\n\r\n{\"jsonrpc\":\"2.0\"}" + frame(`{"jsonrpc":"2.0","method":"b"}`)
	var out bytes.Buffer
	st := newStream(bufio.NewReader(strings.NewReader(in)), &out, nil, log.New(io.Discard, "", 0))
	for _, want := range []string{"a", "b"} {
		var req jsonrpc2.Request
		if err := st.ReadObject(&req); err != nil || req.Method != want {
			t.Fatalf("read %+v, %v; want method %s", req, err, want)
		}
	}
	var req jsonrpc2.Request
	if err := st.ReadObject(&req); err != io.EOF {
		t.Errorf("at the end: %v", err)
	}
	// The bad length, then the body read as headers up to the next
	// message's Content-Length, are two errors.
	if n := strings.Count(out.String(), `"error"`); n != 4 {
		t.Errorf("%d error responses, want 4: %s", n, out.String())
	}
}

// Documents over the size limit are not kept, and the client is told.
func TestDocumentLimits(t *testing.T) {
	c := start(t, clientOptions{})
	c.initialize("", "")
	big := "-- " + strings.Repeat("x", maxDocumentSize)
	c.open("file:///big.czql", big)
	c.open("file:///small.czql", "SELECT FROM")
	c.diagnostics("file:///small.czql", 1)
	if c.server.document("file:///big.czql") != nil {
		t.Error("a document over the limit is kept")
	}
	c.change("file:///small.czql", 2, TextDocumentContentChangeEvent{Text: big})
	c.waitFor("the message about the document grown too large, and its clearing", func() bool {
		n := 0
		for _, m := range c.messages {
			if strings.Contains(m.Message, "over the limit") {
				n++
			}
		}
		last := c.diags[len(c.diags)-1]
		return n == 2 && last.URI == "file:///small.czql" && last.Version == nil
	})
	if c.server.document("file:///small.czql") != nil {
		t.Error("a document grown over the limit is kept")
	}
}
