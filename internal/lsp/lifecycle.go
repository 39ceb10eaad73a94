package lsp

import (
	"encoding/json"
	"fmt"
)

// clientInfo is what the server made of the client's capabilities.
type clientInfo struct {
	enc                 encoding
	markdownHover       bool // hovers in markdown
	markdownDocs        bool // completion documentation in markdown
	insertReplace       bool // completion edits with insert and replace ranges
	relatedInfo         bool // diagnostics' related information
	hierarchicalSymbols bool // DocumentSymbol rather than SymbolInformation
	codeActionLiterals  bool // code actions rather than commands
	multilineTokens     bool // semantic tokens may span lines
	configuration       bool // workspace/configuration requests
	watchFiles          bool // dynamic registration of watched files
	relativePatterns    bool // watchers with a base folder
	pull                bool // diagnostics are pulled rather than pushed
	refresh             bool // workspace/diagnostic/refresh
}

// readClient reads the capabilities the server uses; opt is the user's
// choice of pull diagnostics.
func readClient(c ClientCapabilities, pullWanted bool) clientInfo {
	td, ws := c.TextDocument, c.Workspace
	return clientInfo{
		enc:                 negotiate(c.General.PositionEncodings),
		markdownHover:       contains(td.Hover.ContentFormat, markdown),
		markdownDocs:        contains(td.Completion.CompletionItem.DocumentationFormat, markdown),
		insertReplace:       td.Completion.CompletionItem.InsertReplaceSupport,
		relatedInfo:         td.PublishDiagnostics.RelatedInformation,
		hierarchicalSymbols: td.DocumentSymbol.HierarchicalDocumentSymbolSupport,
		codeActionLiterals:  td.CodeAction.CodeActionLiteralSupport != nil,
		multilineTokens:     td.SemanticTokens.MultilineTokenSupport,
		configuration:       ws.Configuration,
		watchFiles:          ws.DidChangeWatchedFiles.DynamicRegistration,
		relativePatterns:    ws.DidChangeWatchedFiles.RelativePatternSupport,
		pull:                td.Diagnostic != nil && pullWanted,
		refresh:             ws.Diagnostics.RefreshSupport,
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// initOptions are the initializationOptions the server reads.
type initOptions struct {
	userSettings
	// PullDiagnostics asks for pull diagnostics (textDocument/diagnostic)
	// instead of pushed ones, when the client supports them.
	PullDiagnostics bool `json:"pullDiagnostics"`
}

// userSettings name the files of a session: the "czql" section of the
// client's settings, or the initializationOptions.
type userSettings struct {
	Metadata string `json:"metadata"` // describeMetadata JSON or a cache file
	Config   string `json:"config"`   // a .czql.yaml
}

// serverName is the name the server gives in its initialize result.
const serverName = "czql"

// commandShowRequest is the command that returns the API request of the
// statement at a position.
const commandShowRequest = "czql.showRequest"

// initialize reads the client's capabilities and options and answers
// with the server's.
func (s *server) initialize(params json.RawMessage) (any, error) {
	p, err := decode[InitializeParams](params)
	if err != nil {
		return nil, err
	}
	var opts initOptions
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		if err := json.Unmarshal(p.InitializationOptions, &opts); err != nil {
			s.log.Printf("czql lsp: ignoring initializationOptions: %v", err)
			opts = initOptions{}
		}
	}
	client := readClient(p.Capabilities, opts.PullDiagnostics)
	s.mu.Lock()
	s.phase = running
	s.client = client
	s.root = workspaceRoot(p)
	s.init = opts.userSettings
	s.mu.Unlock()
	return InitializeResult{Capabilities: capabilities(client), ServerInfo: ServerInfo{Name: serverName, Version: s.version}}, nil
}

// workspaceRoot returns the directory of the first workspace folder, else
// of the root URI, else the root path; "" when the client names none.
func workspaceRoot(p InitializeParams) string {
	if len(p.WorkspaceFolders) > 0 {
		if dir := uriPath(p.WorkspaceFolders[0].URI); dir != "" {
			return dir
		}
	}
	if dir := uriPath(p.RootURI); dir != "" {
		return dir
	}
	return p.RootPath
}

// capabilities returns what the server offers a client.
func capabilities(c clientInfo) ServerCapabilities {
	caps := ServerCapabilities{
		PositionEncoding:           c.enc.String(),
		TextDocumentSync:           TextDocumentSyncOptions{OpenClose: true, Change: 2, Save: &SaveOptions{}},
		CompletionProvider:         CompletionOptions{TriggerCharacters: []string{" ", ".", "(", ",", "="}, ResolveProvider: true},
		HoverProvider:              true,
		DocumentFormattingProvider: true,
		DocumentRangeFormatting:    true,
		DocumentSymbolProvider:     true,
		CodeActionProvider:         CodeActionOptions{CodeActionKinds: []string{kindQuickFix, kindSource}},
		ExecuteCommandProvider:     ExecuteCommandOptions{Commands: []string{commandShowRequest}},
		SemanticTokensProvider:     SemanticTokensOptions{Legend: legend(), Full: true},
	}
	if c.pull {
		caps.DiagnosticProvider = &DiagnosticOptions{Identifier: serverName}
	}
	return caps
}

// initialized starts what needs the client's answers: the settings and
// the watching of files, each on a goroutine of its own.
func (s *server) initialized(json.RawMessage) (any, error) {
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	if client.configuration {
		go s.fetchSettings()
	} else {
		s.settingsKnown()
	}
	return nil, nil
}

// shutdownRequest answers shutdown: the server then refuses everything
// but exit.
func (s *server) shutdownRequest(json.RawMessage) (any, error) {
	s.mu.Lock()
	s.phase = stopping
	s.shutdown = true
	s.mu.Unlock()
	return nil, nil
}

// exit ends the session.
func (s *server) exit(json.RawMessage) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.exited:
	default:
		close(s.exited)
	}
	return nil, nil
}

// settingsKnown marks the settings as known: the documents waiting for
// them are checked.
func (s *server) settingsKnown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.ready:
	default:
		close(s.ready)
	}
}

// fetchSettings asks the client for the "czql" section of its settings.
// A client without them answers null. When they change, every open
// document is checked again.
func (s *server) fetchSettings() {
	defer s.settingsKnown()
	var answer []json.RawMessage
	err := s.call("workspace/configuration", ConfigurationParams{Items: []ConfigurationItem{{Section: "czql"}}}, &answer)
	if err != nil {
		s.log.Printf("czql lsp: workspace/configuration: %v", err)
		return
	}
	var set userSettings
	if len(answer) > 0 {
		if set, err = readSettings(answer[0]); err != nil {
			s.showOnce("settings:"+err.Error(), MessageWarning, err.Error())
		}
	}
	s.setSettings(set)
}

// readSettings reads the "czql" settings section; null is no settings.
func readSettings(raw json.RawMessage) (userSettings, error) {
	var set userSettings
	if len(raw) == 0 || string(raw) == "null" {
		return set, nil
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		return userSettings{}, fmt.Errorf("czql: ignoring the czql settings: %v", err)
	}
	return set, nil
}

// setSettings records new settings; when they differ from the old ones,
// every open document is checked again.
func (s *server) setSettings(set userSettings) {
	s.mu.Lock()
	changed := s.settings != set
	s.settings = set
	s.mu.Unlock()
	if changed {
		s.recheckAll()
	}
}

// didChangeConfiguration reads the settings again: from the client when
// it answers workspace/configuration, else from the notification.
func (s *server) didChangeConfiguration(params json.RawMessage) (any, error) {
	s.mu.Lock()
	pull := s.client.configuration
	s.mu.Unlock()
	if pull {
		go s.fetchSettings()
		return nil, nil
	}
	p, err := decode[DidChangeConfigurationParams](params)
	if err != nil {
		return nil, err
	}
	var sections map[string]json.RawMessage
	if json.Unmarshal(p.Settings, &sections) != nil {
		return nil, nil
	}
	set, err := readSettings(sections["czql"])
	if err != nil {
		s.showOnce("settings:"+err.Error(), MessageWarning, err.Error())
	}
	s.setSettings(set)
	return nil, nil
}
