package lsp

import (
	"encoding/json"
	"fmt"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
	"github.com/sourcegraph/jsonrpc2"
)

// showRequestArgs is the argument of the czql.showRequest command: a
// position in a document.
type showRequestArgs struct {
	URI      string   `json:"uri"`
	Position Position `json:"position"`
}

// showRequestCommand returns the command that shows the API request of
// the statement at byte offset off of snap, or nil when there is none.
func showRequestCommand(uri string, snap *snapshot, off int) *Command {
	if _, ok := statementAt(snap.text, off); !ok {
		return nil
	}
	arg, _ := json.Marshal(showRequestArgs{URI: uri, Position: snap.lines.position(off)})
	return &Command{Title: "Show the API request", Command: commandShowRequest, Arguments: []json.RawMessage{arg}}
}

// executeCommand runs a command: czql.showRequest returns the request of
// the statement at a position as `czql translate` prints it (a bulk
// item, JSON text), translated with the document's metadata and
// configuration. A statement with errors gets an error naming the first.
func (s *server) executeCommand(params json.RawMessage) (any, error) {
	p, err := decode[ExecuteCommandParams](params)
	if err != nil {
		return nil, err
	}
	if p.Command != commandShowRequest {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "unknown command " + p.Command}
	}
	if len(p.Arguments) != 1 {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: commandShowRequest + " takes one argument, {uri, position}"}
	}
	args, err := decode[showRequestArgs](p.Arguments[0])
	if err != nil {
		return nil, err
	}
	return s.showRequest(args)
}

// showRequest translates the statement at a position.
func (s *server) showRequest(args showRequestArgs) (any, error) {
	d, snap, err := s.current(args.URI)
	if err != nil {
		return nil, err
	}
	st, ok := statementAt(snap.text, snap.lines.offset(args.Position))
	if !ok {
		return nil, fmt.Errorf("no statement at %d:%d", args.Position.Line+1, args.Position.Character+1)
	}
	setup := s.setupFor(d)
	opts := []czql.Option{czql.WithConfig(setup.cfg)}
	if setup.md != nil {
		opts = append(opts, czql.WithMetadata(setup.md))
	}
	req, diags := czql.Translate(st.q, opts...)
	if diags.HasErrors() || req == nil {
		for _, dg := range diags {
			if dg.Severity == diag.Error {
				return nil, fmt.Errorf("the statement cannot be translated: %s", dg.Message)
			}
		}
		return nil, fmt.Errorf("the statement cannot be translated")
	}
	out, err := frontend.MarshalJSON(req.BulkItem())
	if err != nil {
		return nil, err
	}
	return string(out), nil
}
