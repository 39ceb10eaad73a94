// Package lsp is `czql lsp`: a language server (LSP 3.17) on standard
// input and output, a thin front end over the library (the root package
// czql and its packages) like the other commands, so that an editor shows
// what `czql lint` prints.
//
// # Transport
//
// JSON-RPC 2.0 is github.com/sourcegraph/jsonrpc2's; the base protocol
// (Content-Length framing) is this package's stream, which bounds a
// message's size and never lets a malformed message end the session: a
// bad header or body is answered with an error response and logged, and
// reading goes on. The protocol types the server speaks are written out
// here (protocol*.go), the part of LSP it uses.
//
// # Goroutines
//
//   - The connection's reading goroutine handles the messages one at a
//     time, in the order they arrive ([server.Handle]): text changes,
//     completion, hover, formatting, symbols, code actions and semantic
//     tokens are answered there, so every request sees the edits sent
//     before it. A panic in a handler is recovered, logged and answered
//     with an error.
//   - Each open document has a worker goroutine (worker.go) that checks
//     it — czql.Lint with the document's configuration and metadata — and
//     publishes the diagnostics. Opening and saving make the check due at
//     once; an edit makes it due [DefaultDebounce] after the edit, so
//     typing is checked once it pauses. A check whose text was replaced
//     meanwhile is not published: the next one is due.
//   - Requests to the client (workspace/configuration,
//     client/registerCapability, workspace/diagnostic/refresh) run on
//     goroutines of their own, never on the reading goroutine, which is
//     the one that reads their answers.
//
// # Positions
//
// The server works in byte offsets, as package diag does; a position is
// converted at the edge, once, with the line index of the document's text
// (position.go), in the negotiated encoding: UTF-8 when the client offers
// it (general.positionEncodings), else UTF-16.
//
// # Metadata and configuration
//
// A document's configuration is initializationOptions.config, else the
// client's "czql" settings' config, else the nearest .czql.yaml above it;
// its metadata is initializationOptions.metadata, else the settings', else
// the configuration's metadata:, else what czql lint finds
// (frontend.DefaultMetadata: CZQL_METADATA, the organisation's cache).
// Files are loaded once and kept; before each check their modification
// time and size are compared, and a file that changed is loaded again and
// every open document checked again. A client that registers watchers
// dynamically is asked to watch them too, so that a change is seen
// without an edit.
//
// # Limits
//
// A message body is at most 32 MiB, a document 8 MiB, the open documents
// 256 and 128 MiB in all (limits.go): memory is bounded by the open
// documents.
package lsp
