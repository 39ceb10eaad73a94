package lsp

import "time"

// The limits of the server. Memory is bounded by the open documents: a
// message, a document and the sum of the open documents have a size
// limit, and the number of open documents has one.
const (
	// maxMessageSize bounds the body of one message (its Content-Length).
	// A larger message is skipped unread and answered with an error.
	maxMessageSize = 32 << 20
	// maxHeaderLine bounds one header line; maxHeaders the header lines
	// of one message.
	maxHeaderLine = 1 << 10
	maxHeaders    = 16
	// maxDocumentSize bounds the text of one document. A larger one is
	// not checked: the server says so once and forgets it.
	maxDocumentSize = 8 << 20
	// maxDocuments bounds the number of open documents the server keeps.
	maxDocuments = 256
	// maxTotalSize bounds the sum of the sizes of the open documents.
	maxTotalSize = 128 << 20
	// maxPickValues bounds the pick-list values a hover lists.
	maxPickValues = 50
)

// Timing.
const (
	// DefaultDebounce is how long the server waits after an edit before
	// it checks the document again: edits typed within it are checked
	// once.
	DefaultDebounce = 30 * time.Millisecond
	// settingsWait bounds the wait of a document's first check for the
	// client's answer to workspace/configuration.
	settingsWait = 2 * time.Second
	// clientCallTimeout bounds a request the server sends to the client.
	clientCallTimeout = 10 * time.Second
)
