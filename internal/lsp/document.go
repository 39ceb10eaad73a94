package lsp

import (
	"encoding/json"
	"fmt"

	"github.com/czql/czql/diag"
)

// document is an open document.
type document struct {
	uri  string
	path string // its file, "" when the URI is no file: URI
	w    *worker

	// Guarded by the server's mutex.
	snap   *snapshot // the current text
	result *checked  // the last check, nil before the first
	setup  setup     // what the last check used
}

// snapshot is one version of a document's text. It is never changed: an
// edit makes a new one, so that a worker or a request can use it without
// a lock.
type snapshot struct {
	version int32
	text    string
	lines   *lineIndex
}

// checked is the result of checking one version of a document.
type checked struct {
	snap  *snapshot
	diags diag.List
	lsp   []Diagnostic
}

// tooLarge is the message about a document the server does not keep.
func tooLarge(uri string, size int) string {
	return fmt.Sprintf("czql: not checking %s: %d bytes is over the limit of %d bytes a document", uri, size, maxDocumentSize)
}

// didOpen starts tracking a document and checks it at once.
func (s *server) didOpen(params json.RawMessage) (any, error) {
	p, err := decode[DidOpenTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	item := p.TextDocument
	if len(item.Text) > maxDocumentSize {
		s.showOnce("large:"+item.URI, MessageWarning, tooLarge(item.URI, len(item.Text)))
		return nil, nil
	}
	s.closeDocument(item.URI, false) // opened twice: the second wins
	s.mu.Lock()
	if msg := s.roomFor(len(item.Text)); msg != "" {
		s.mu.Unlock()
		s.showOnce("room:"+item.URI, MessageWarning, fmt.Sprintf("czql: not checking %s: %s", item.URI, msg))
		return nil, nil
	}
	d := &document{uri: item.URI, path: uriPath(item.URI), w: newWorker()}
	d.snap = &snapshot{version: item.Version, text: item.Text, lines: newLineIndex(item.Text, s.client.enc)}
	s.docs[item.URI] = d
	s.total += len(item.Text)
	s.mu.Unlock()
	s.workers.Add(1)
	go s.work(d)
	d.w.schedule(0)
	return nil, nil
}

// roomFor returns why a document of size bytes cannot be opened, or "".
// The caller holds the lock.
func (s *server) roomFor(size int) string {
	switch {
	case len(s.docs) >= maxDocuments:
		return fmt.Sprintf("%d documents are open, the most the server keeps", maxDocuments)
	case s.total+size > maxTotalSize:
		return fmt.Sprintf("the open documents would hold over %d bytes, the most the server keeps", maxTotalSize)
	}
	return ""
}

// didChange applies the changes, in order, and checks the document after
// the debounce delay. A change without a range replaces the text.
func (s *server) didChange(params json.RawMessage) (any, error) {
	p, err := decode[DidChangeTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return nil, nil // not open, or not kept
	}
	text, size, ok := applyChanges(d.snap, p.ContentChanges)
	if !ok {
		s.mu.Unlock()
		s.showOnce("large:"+d.uri, MessageWarning, tooLarge(d.uri, size))
		s.closeDocument(d.uri, true)
		return nil, nil
	}
	s.total += len(text) - len(d.snap.text)
	d.snap = &snapshot{version: p.TextDocument.Version, text: text, lines: newLineIndex(text, s.client.enc)}
	s.mu.Unlock()
	d.w.schedule(s.debounce)
	return nil, nil
}

// applyChanges returns the text of snap after changes. When the text
// would grow over maxDocumentSize it returns that size and false.
func applyChanges(snap *snapshot, changes []TextDocumentContentChangeEvent) (string, int, bool) {
	text, lines := snap.text, snap.lines
	for i, c := range changes {
		start, end := 0, len(text)
		if c.Range != nil {
			start, end = lines.offsets(*c.Range)
		}
		if size := len(text) - (end - start) + len(c.Text); size > maxDocumentSize {
			return "", size, false
		}
		text = text[:start] + c.Text + text[end:]
		if i < len(changes)-1 {
			lines = newLineIndex(text, lines.enc)
		}
	}
	return text, len(text), true
}

// didClose forgets a document and clears its diagnostics.
func (s *server) didClose(params json.RawMessage) (any, error) {
	p, err := decode[DidCloseTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	s.closeDocument(p.TextDocument.URI, true)
	return nil, nil
}

// closeDocument stops tracking uri: its worker is stopped and waited for,
// then, with clear, its diagnostics are cleared.
func (s *server) closeDocument(uri string, clear bool) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		delete(s.docs, uri)
		s.total -= len(d.snap.text)
	}
	pull := s.client.pull
	s.mu.Unlock()
	if d == nil {
		return
	}
	d.w.halt()
	<-d.w.done
	if clear && !pull {
		s.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// didSave checks the document again at once.
func (s *server) didSave(params json.RawMessage) (any, error) {
	p, err := decode[DidSaveTextDocumentParams](params)
	if err != nil {
		return nil, err
	}
	if d := s.document(p.TextDocument.URI); d != nil {
		d.w.schedule(0)
	}
	return nil, nil
}

// document returns the open document uri, or nil.
func (s *server) document(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

// current returns the document uri and its current text, or an error
// for a document that is not open.
func (s *server) current(uri string) (*document, *snapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil, nil, fmt.Errorf("%s is not open", uri)
	}
	return d, d.snap, nil
}
