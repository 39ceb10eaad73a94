package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/metadata"
)

// The benchmarks drive a server in the process over a pipe, as the tests
// do, with the metadata cache of metadata.Synthetic(1000, 200, 1): 1,000
// entities of 200 fields. The debounce delay is 1 ns, so the figures are
// the server's own time: an editor adds DefaultDebounce after the last
// keystroke. See BENCHMARKS.md.

// benchCache writes the 1,000 × 200 cache into dir and returns its path
// and the set.
func benchCache(b *testing.B, dir string) (string, *metadata.Metadata) {
	b.Helper()
	md := metadata.Synthetic(1000, 200, 1)
	path := filepath.Join(dir, "md.cache")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := md.WriteCache(f); err != nil {
		b.Fatal(err)
	}
	return path, md
}

// benchText returns n five-line statements over the names of md, one in
// ten with a misspelt field, as czql lint's benchmark writes them.
func benchText(md *metadata.Metadata, n int) string {
	var b strings.Builder
	ents := md.Entities()
	for i := range n {
		e := ents[i*len(ents)/n]
		var fields []string
		for _, fd := range e.Fields {
			if fd.Type == metadata.String && len(fields) < 4 {
				fields = append(fields, fd.Name)
			}
		}
		if i%10 == 9 {
			fields[1] = fields[1][:len(fields[1])-1]
		}
		fmt.Fprintf(&b, "SELECT %s\nFROM %s\nWHERE %s = 'x' AND Name LIKE 'A%%'\nORDER BY Name\nLIMIT 50;\n\n",
			strings.Join(fields, ", "), e.TypeName, fields[0])
	}
	return b.String()
}

// wire is the client side of a session in bytes: the benchmarks read
// the server's answers without decoding them, so that they time the
// server, not a client's JSON decoder.
type wire struct {
	b   *testing.B
	w   io.Writer
	in  *stream
	seq int
}

// request sends a request and returns its id.
func (w *wire) request(method string, params any) int {
	w.seq++
	w.send(map[string]any{"jsonrpc": "2.0", "id": w.seq, "method": method, "params": params})
	return w.seq
}

// notify sends a notification.
func (w *wire) notify(method string, params any) {
	w.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// send writes one message.
func (w *wire) send(msg any) {
	body, err := json.Marshal(msg)
	if err != nil {
		w.b.Fatal(err)
	}
	if _, err := io.WriteString(w.w, frame(string(body))); err != nil {
		w.b.Fatal(err)
	}
}

// until reads messages until one holds want, and returns it.
func (w *wire) until(want string) []byte {
	for {
		body, err := w.in.readFrame()
		if err != nil {
			w.b.Fatalf("reading: %v", err)
		}
		if bytes.Contains(body, []byte(want)) {
			return body
		}
	}
}

// startWire starts a server on a pipe, initializes it with the metadata
// at cache and opens text, waiting for its first diagnostics.
func startWire(b *testing.B, cache, text string) *wire {
	sc, cc := net.Pipe()
	srv := newServer(Options{Log: io.Discard, Debounce: time.Nanosecond})
	done := make(chan int, 1)
	go func() { done <- srv.serve(context.Background(), sc, sc) }()
	b.Cleanup(func() {
		cc.Close()
		<-done
	})
	w := &wire{b: b, w: cc, in: newStream(cc, io.Discard, nil, log.New(io.Discard, "", 0))}
	w.request("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"metadata": cache}})
	w.until(`"capabilities"`)
	w.notify("initialized", map[string]any{})
	w.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: benchURI, Version: 1, Text: text}})
	w.until(`"version":1`)
	return w
}

// benchURI is the document of the benchmarks.
const benchURI = "file:///bench/q.czql"

// BenchmarkDiagnosticsAfterEdit times a one-character edit of a
// 1,000-statement document until its diagnostics are published.
func BenchmarkDiagnosticsAfterEdit(b *testing.B) {
	cache, md := benchCache(b, b.TempDir())
	text := benchText(md, 1000)
	w := startWire(b, cache, text)
	lines := newLineIndex(text, utf16)
	at := lines.position(strings.Index(text, "LIKE 'A") + len("LIKE 'A")) // inside a string of the first statement
	version := int32(1)
	for i := 0; b.Loop(); i++ {
		version++
		change := TextDocumentContentChangeEvent{Range: &Range{Start: at, End: at}, Text: "b"}
		if i%2 == 1 { // take the character out again
			change = TextDocumentContentChangeEvent{Range: &Range{Start: at, End: Position{at.Line, at.Character + 1}}}
		}
		w.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: benchURI, Version: version}, ContentChanges: []TextDocumentContentChangeEvent{change}})
		w.until(fmt.Sprintf(`"version":%d`, version))
	}
}

// BenchmarkCompletion times completion requests in a 1,000-statement
// document: the 200 fields of the FROM entity after WHERE.
func BenchmarkCompletion(b *testing.B) {
	cache, md := benchCache(b, b.TempDir())
	text := benchText(md, 1000)
	w := startWire(b, cache, text)
	lines := newLineIndex(text, utf16)
	mid := strings.Index(text[len(text)/2:], "WHERE ") + len(text)/2 + len("WHERE ")
	params := CompletionParams{TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: benchURI}, Position: lines.position(mid)}}
	for b.Loop() {
		id := w.request("textDocument/completion", params)
		w.until(fmt.Sprintf(`"id":%d,`, id))
	}
}

// BenchmarkStartupProcess times czql lsp from the start of its process to
// the first diagnostics of a 20-statement file: process start,
// initialize, loading the cache, the check and its publication.
func BenchmarkStartupProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "czql")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/czql").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	cache, md := benchCache(b, dir)
	text := benchText(md, 20)
	var first time.Duration // start to first diagnostics, summed
	n := 0
	for b.Loop() {
		n++
		t0 := time.Now()
		cmd := exec.Command(bin, "lsp")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		w := &wire{b: b, w: stdin, in: newStream(stdout, io.Discard, nil, log.New(io.Discard, "", 0))}
		w.request("initialize", map[string]any{"capabilities": map[string]any{}, "initializationOptions": map[string]any{"metadata": cache}})
		w.notify("initialized", map[string]any{})
		w.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: benchURI, Version: 1, Text: text}})
		if got := w.until(`"version":1`); bytes.Count(got, []byte(`"unknown-field"`)) != 2 {
			b.Fatalf("diagnostics %s", got)
		}
		first += time.Since(t0)
		stdin.Close()
		cmd.Wait()
	}
	b.ReportMetric(float64(first.Milliseconds())/float64(n), "ms-to-diagnostics")
}
