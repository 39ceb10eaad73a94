package lsp

import "encoding/json"

// CompletionParams asks for completions at a position.
type CompletionParams struct {
	TextDocumentPositionParams
}

// CompletionList is the answer to textDocument/completion.
type CompletionList struct {
	IsIncomplete bool             `json:"isIncomplete"`
	Items        []CompletionItem `json:"items"`
}

// CompletionItem is one completion.
type CompletionItem struct {
	Label         string          `json:"label"`
	Kind          int             `json:"kind,omitempty"`
	Detail        string          `json:"detail,omitempty"`
	Documentation *MarkupContent  `json:"documentation,omitempty"`
	SortText      string          `json:"sortText,omitempty"`
	FilterText    string          `json:"filterText,omitempty"`
	TextEdit      any             `json:"textEdit,omitempty"` // TextEdit or InsertReplaceEdit
	Data          json.RawMessage `json:"data,omitempty"`
}

// The completion item kinds the server uses.
const (
	completionFunction   = 3
	completionField      = 5
	completionClass      = 7
	completionValue      = 12
	completionKeyword    = 14
	completionReference  = 18
	completionEnumMember = 20
	completionOperator   = 24
)

// Hover is the answer to textDocument/hover.
type Hover struct {
	Contents MarkupContent `json:"contents"`
	Range    *Range        `json:"range,omitempty"`
}

// DocumentFormattingParams asks to format a document.
type DocumentFormattingParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DocumentRangeFormattingParams asks to format a range.
type DocumentRangeFormattingParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
}

// DocumentSymbolParams asks for a document's symbols.
type DocumentSymbolParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// DocumentSymbol is one symbol with its children.
type DocumentSymbol struct {
	Name           string           `json:"name"`
	Detail         string           `json:"detail,omitempty"`
	Kind           int              `json:"kind"`
	Range          Range            `json:"range"`
	SelectionRange Range            `json:"selectionRange"`
	Children       []DocumentSymbol `json:"children,omitempty"`
}

// SymbolInformation is a flat symbol, for clients without hierarchical
// document symbols.
type SymbolInformation struct {
	Name     string   `json:"name"`
	Kind     int      `json:"kind"`
	Location Location `json:"location"`
}

// The symbol kinds the server uses.
const (
	symbolKindProperty = 7
	symbolKindField    = 8
	symbolKindStruct   = 23
)

// CodeActionParams asks for the actions of a range.
type CodeActionParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
	Range        Range                  `json:"range"`
	Context      CodeActionContext      `json:"context"`
}

// CodeActionContext carries the diagnostics the client shows in the
// range, and the kinds it asks for.
type CodeActionContext struct {
	Diagnostics []Diagnostic `json:"diagnostics"`
	Only        []string     `json:"only,omitempty"`
}

// CodeAction is one action: an edit, a command, or both.
type CodeAction struct {
	Title       string         `json:"title"`
	Kind        string         `json:"kind,omitempty"`
	Diagnostics []Diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool           `json:"isPreferred,omitempty"`
	Edit        *WorkspaceEdit `json:"edit,omitempty"`
	Command     *Command       `json:"command,omitempty"`
}

// The code action kinds the server offers.
const (
	kindQuickFix = "quickfix"
	kindSource   = "source"
)

// ExecuteCommandParams runs a command.
type ExecuteCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments,omitempty"`
}

// SemanticTokensParams asks for a document's semantic tokens.
type SemanticTokensParams struct {
	TextDocument TextDocumentIdentifier `json:"textDocument"`
}

// SemanticTokens is the answer to textDocument/semanticTokens/full: five
// integers a token (delta line, delta start, length, type, modifiers).
type SemanticTokens struct {
	Data []uint32 `json:"data"`
}
