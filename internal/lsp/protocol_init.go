package lsp

import "encoding/json"

// InitializeParams is the part of the initialize request the server
// reads.
type InitializeParams struct {
	ProcessID             *int               `json:"processId"`
	RootURI               string             `json:"rootUri,omitempty"`
	RootPath              string             `json:"rootPath,omitempty"`
	WorkspaceFolders      []WorkspaceFolder  `json:"workspaceFolders,omitempty"`
	Capabilities          ClientCapabilities `json:"capabilities"`
	InitializationOptions json.RawMessage    `json:"initializationOptions,omitempty"`
}

// WorkspaceFolder is one folder of the workspace.
type WorkspaceFolder struct {
	URI  string `json:"uri"`
	Name string `json:"name"`
}

// ClientCapabilities is the part of the client's capabilities the server
// reads.
type ClientCapabilities struct {
	General      GeneralClientCapabilities      `json:"general"`
	Workspace    WorkspaceClientCapabilities    `json:"workspace"`
	TextDocument TextDocumentClientCapabilities `json:"textDocument"`
	Window       struct {
		ShowDocument *struct {
			Support bool `json:"support"`
		} `json:"showDocument,omitempty"`
	} `json:"window"`
}

// GeneralClientCapabilities holds the position encodings the client
// offers.
type GeneralClientCapabilities struct {
	PositionEncodings []string `json:"positionEncodings,omitempty"`
}

// WorkspaceClientCapabilities is what the client's workspace supports.
type WorkspaceClientCapabilities struct {
	Configuration         bool `json:"configuration"`
	DidChangeWatchedFiles struct {
		DynamicRegistration    bool `json:"dynamicRegistration"`
		RelativePatternSupport bool `json:"relativePatternSupport"`
	} `json:"didChangeWatchedFiles"`
	Diagnostics struct {
		RefreshSupport bool `json:"refreshSupport"`
	} `json:"diagnostics"`
}

// TextDocumentClientCapabilities is what the client's editor supports.
type TextDocumentClientCapabilities struct {
	PublishDiagnostics struct {
		RelatedInformation bool `json:"relatedInformation"`
		VersionSupport     bool `json:"versionSupport"`
	} `json:"publishDiagnostics"`
	Diagnostic *struct {
		DynamicRegistration bool `json:"dynamicRegistration"`
	} `json:"diagnostic,omitempty"`
	Completion struct {
		CompletionItem struct {
			DocumentationFormat  []string `json:"documentationFormat"`
			InsertReplaceSupport bool     `json:"insertReplaceSupport"`
		} `json:"completionItem"`
	} `json:"completion"`
	Hover struct {
		ContentFormat []string `json:"contentFormat"`
	} `json:"hover"`
	DocumentSymbol struct {
		HierarchicalDocumentSymbolSupport bool `json:"hierarchicalDocumentSymbolSupport"`
	} `json:"documentSymbol"`
	CodeAction struct {
		CodeActionLiteralSupport *json.RawMessage `json:"codeActionLiteralSupport,omitempty"`
	} `json:"codeAction"`
	SemanticTokens struct {
		MultilineTokenSupport bool `json:"multilineTokenSupport"`
	} `json:"semanticTokens"`
}

// InitializeResult is the answer to initialize.
type InitializeResult struct {
	Capabilities ServerCapabilities `json:"capabilities"`
	ServerInfo   ServerInfo         `json:"serverInfo"`
}

// ServerInfo names the server.
type ServerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

// ServerCapabilities is what the server offers.
type ServerCapabilities struct {
	PositionEncoding           string                  `json:"positionEncoding"`
	TextDocumentSync           TextDocumentSyncOptions `json:"textDocumentSync"`
	CompletionProvider         CompletionOptions       `json:"completionProvider"`
	HoverProvider              bool                    `json:"hoverProvider"`
	DocumentFormattingProvider bool                    `json:"documentFormattingProvider"`
	DocumentRangeFormatting    bool                    `json:"documentRangeFormattingProvider"`
	DocumentSymbolProvider     bool                    `json:"documentSymbolProvider"`
	CodeActionProvider         CodeActionOptions       `json:"codeActionProvider"`
	ExecuteCommandProvider     ExecuteCommandOptions   `json:"executeCommandProvider"`
	SemanticTokensProvider     SemanticTokensOptions   `json:"semanticTokensProvider"`
	DiagnosticProvider         *DiagnosticOptions      `json:"diagnosticProvider,omitempty"`
}

// TextDocumentSyncOptions says how documents are synchronised.
type TextDocumentSyncOptions struct {
	OpenClose bool         `json:"openClose"`
	Change    int          `json:"change"` // 2: incremental
	Save      *SaveOptions `json:"save,omitempty"`
}

// SaveOptions says whether didSave carries the text.
type SaveOptions struct {
	IncludeText bool `json:"includeText"`
}

// CompletionOptions are the completion provider's options.
type CompletionOptions struct {
	TriggerCharacters []string `json:"triggerCharacters"`
	ResolveProvider   bool     `json:"resolveProvider"`
}

// CodeActionOptions are the code action provider's options.
type CodeActionOptions struct {
	CodeActionKinds []string `json:"codeActionKinds"`
}

// ExecuteCommandOptions lists the commands the server runs.
type ExecuteCommandOptions struct {
	Commands []string `json:"commands"`
}

// SemanticTokensOptions are the semantic tokens provider's options.
type SemanticTokensOptions struct {
	Legend SemanticTokensLegend `json:"legend"`
	Full   bool                 `json:"full"`
}

// SemanticTokensLegend names the token types and modifiers by index.
type SemanticTokensLegend struct {
	TokenTypes     []string `json:"tokenTypes"`
	TokenModifiers []string `json:"tokenModifiers"`
}

// DiagnosticOptions are the pull diagnostics provider's options.
type DiagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// RegistrationParams is the parameter of client/registerCapability.
type RegistrationParams struct {
	Registrations []Registration `json:"registrations"`
}

// Registration registers one capability.
type Registration struct {
	ID              string `json:"id"`
	Method          string `json:"method"`
	RegisterOptions any    `json:"registerOptions,omitempty"`
}

// UnregistrationParams is the parameter of client/unregisterCapability
// (the misspelling is the specification's).
type UnregistrationParams struct {
	Unregisterations []Unregistration `json:"unregisterations"`
}

// Unregistration removes one registration.
type Unregistration struct {
	ID     string `json:"id"`
	Method string `json:"method"`
}

// DidChangeWatchedFilesRegistrationOptions lists the files to watch.
type DidChangeWatchedFilesRegistrationOptions struct {
	Watchers []FileSystemWatcher `json:"watchers"`
}

// FileSystemWatcher is one watched pattern: a glob string or a
// RelativePattern.
type FileSystemWatcher struct {
	GlobPattern any `json:"globPattern"`
}

// RelativePattern is a glob relative to a base folder.
type RelativePattern struct {
	BaseURI string `json:"baseUri"`
	Pattern string `json:"pattern"`
}

// DidChangeWatchedFilesParams lists changed files.
type DidChangeWatchedFilesParams struct {
	Changes []FileEvent `json:"changes"`
}

// FileEvent is one created, changed or deleted file.
type FileEvent struct {
	URI  string `json:"uri"`
	Type int    `json:"type"`
}

// ConfigurationParams is the parameter of workspace/configuration.
type ConfigurationParams struct {
	Items []ConfigurationItem `json:"items"`
}

// ConfigurationItem asks for one settings section.
type ConfigurationItem struct {
	ScopeURI string `json:"scopeUri,omitempty"`
	Section  string `json:"section,omitempty"`
}

// DidChangeConfigurationParams carries the settings (when the client
// pushes them).
type DidChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}
