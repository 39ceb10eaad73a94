package lsp

import (
	"bytes"
	"context"
	"io"
	"log"
	"strings"
	"testing"

	"github.com/sourcegraph/jsonrpc2"
)

// fuzzSession is a whole session, framed: the seed of FuzzServe.
var fuzzSession = strings.Join([]string{
	frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}`),
	frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`),
	frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///q.czql","version":1,"text":"SELECT Name FROM Task WHERE Name = 'é😀'"}}}`),
	frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///q.czql","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":11}},"text":"Id"}]}}`),
	frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///q.czql"},"position":{"line":0,"character":9}}}`),
	frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///q.czql"},"position":{"line":0,"character":18}}}`),
	frame(`{"jsonrpc":"2.0","id":4,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///q.czql"}}}`),
	frame(`{"jsonrpc":"2.0","id":5,"method":"textDocument/semanticTokens/full","params":{"textDocument":{"uri":"file:///q.czql"}}}`),
	frame(`{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///q.czql"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"context":{"diagnostics":[]}}}`),
	frame(`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`),
	frame(`{"jsonrpc":"2.0","method":"exit"}`),
}, "")

// FuzzStream reads messages from any input: it never panics, always
// ends, and every message it returns decoded. Seeds are in
// testdata/fuzz/FuzzStream.
func FuzzStream(f *testing.F) {
	f.Add([]byte(fuzzSession))
	f.Add([]byte("Content-Length: 2\r\n\r\n{}Content-Length: 1\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st := newStream(bytes.NewReader(data), io.Discard, nil, log.New(io.Discard, "", 0))
		for range len(data) + 1 { // each read consumes input, so this bounds the loop
			var req jsonrpc2.Request
			if err := st.ReadObject(&req); err != nil {
				return
			}
		}
		t.Fatal("the stream did not end")
	})
}

// FuzzServe runs a whole session on any input: the server never panics
// and returns at the end of its input. Seeds are in
// testdata/fuzz/FuzzServe.
func FuzzServe(f *testing.F) {
	f.Add([]byte(fuzzSession))
	f.Fuzz(func(t *testing.T, data []byte) {
		code := Serve(context.Background(), bytes.NewReader(data), io.Discard, Options{})
		if code != 0 && code != 1 {
			t.Fatalf("exit code %d", code)
		}
	})
}
