package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
)

// method handles one request or notification: it decodes the params and
// returns the result (ignored for a notification).
type method func(s *server, params json.RawMessage) (any, error)

// methods are the messages the server handles, by name.
var methods = map[string]method{
	"initialize":                       (*server).initialize,
	"initialized":                      (*server).initialized,
	"shutdown":                         (*server).shutdownRequest,
	"exit":                             (*server).exit,
	"textDocument/didOpen":             (*server).didOpen,
	"textDocument/didChange":           (*server).didChange,
	"textDocument/didClose":            (*server).didClose,
	"textDocument/didSave":             (*server).didSave,
	"textDocument/diagnostic":          (*server).pullDiagnostics,
	"textDocument/completion":          (*server).completion,
	"completionItem/resolve":           (*server).resolveCompletion,
	"textDocument/hover":               (*server).hover,
	"textDocument/formatting":          (*server).formatting,
	"textDocument/rangeFormatting":     (*server).rangeFormatting,
	"textDocument/documentSymbol":      (*server).documentSymbols,
	"textDocument/codeAction":          (*server).codeActions,
	"textDocument/semanticTokens/full": (*server).semanticTokens,
	"workspace/executeCommand":         (*server).executeCommand,
	"workspace/didChangeConfiguration": (*server).didChangeConfiguration,
	"workspace/didChangeWatchedFiles":  (*server).didChangeWatchedFiles,
}

// The error codes of LSP beyond JSON-RPC's.
const (
	codeServerNotInitialized = -32002
	codeRequestFailed        = -32803
)

// Handle handles one message, on the connection's reading goroutine: the
// messages are handled one at a time, in the order they arrive. A panic
// in a handler is logged and answered with an internal error; it never
// ends the server.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	s.setConn(conn)
	defer func() {
		if r := recover(); r != nil {
			s.log.Printf("czql lsp: panic handling %s: %v\n%s", req.Method, r, debug.Stack())
			s.reply(ctx, conn, req, nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("internal error handling %s: %v", req.Method, r)})
		}
	}()
	result, err := s.dispatch(req)
	s.reply(ctx, conn, req, result, err)
}

// dispatch runs the handler of req's method, after the checks of the
// life cycle.
func (s *server) dispatch(req *jsonrpc2.Request) (any, error) {
	if err := s.admit(req); err != nil {
		return nil, err
	}
	m, ok := methods[req.Method]
	if !ok {
		if !req.Notif {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not handled: " + req.Method}
		}
		if !strings.HasPrefix(req.Method, "$/") {
			s.log.Printf("czql lsp: ignoring notification %s", req.Method)
		}
		return nil, nil
	}
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	return m(s, params)
}

// admit refuses a message its phase does not allow: anything but
// initialize and exit before initialize, anything but exit after
// shutdown.
func (s *server) admit(req *jsonrpc2.Request) error {
	s.mu.Lock()
	ph := s.phase
	s.mu.Unlock()
	switch {
	case req.Method == "exit":
		return nil
	case ph == waiting && req.Method != "initialize":
		return &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case ph != waiting && req.Method == "initialize":
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize was sent already"}
	case ph == stopping:
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shutting down"}
	}
	return nil
}

// reply answers a request (not a notification) with result or err. The
// failure of a notification is logged.
func (s *server) reply(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, result any, err error) {
	if req.Notif {
		if err != nil {
			s.log.Printf("czql lsp: %s: %v", req.Method, err)
		}
		return
	}
	var rerr error
	if err != nil {
		rerr = conn.ReplyWithError(ctx, req.ID, asRPCError(err))
	} else {
		rerr = conn.Reply(ctx, req.ID, result)
	}
	if rerr != nil && rerr != jsonrpc2.ErrClosed {
		s.log.Printf("czql lsp: answering %s: %v", req.Method, rerr)
	}
}

// asRPCError returns err as a JSON-RPC error: itself when it is one,
// else a request failure with its text.
func asRPCError(err error) *jsonrpc2.Error {
	if e, ok := err.(*jsonrpc2.Error); ok {
		return e
	}
	return &jsonrpc2.Error{Code: codeRequestFailed, Message: err.Error()}
}

// decode reads params into a T; bad params are an invalid-params error.
func decode[T any](params json.RawMessage) (T, error) {
	var v T
	if len(params) == 0 {
		return v, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(params, &v); err != nil {
		return v, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "bad params: " + err.Error()}
	}
	return v, nil
}
