package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/repl/complete"
	"github.com/czql/czql/metadata"
)

// session starts a client with the fixture metadata and the capabilities
// an editor like VS Code has, opens text (with '|' marking a cursor,
// removed) and returns the client, the document's URI and the cursor's
// position.
func session(t *testing.T, caps, marked string) (*client, string, Position) {
	t.Helper()
	c := start(t, clientOptions{})
	c.initialize(caps, fmt.Sprintf(`{"metadata": %q}`, fixtureMetadata))
	text, cursor := marked, -1
	if i := strings.Index(marked, "|"); i >= 0 {
		text, cursor = marked[:i]+marked[i+1:], i
	}
	uri := "file:///w/q.czql"
	c.open(uri, text)
	c.diagnostics(uri, 1)
	return c, uri, newLineIndex(text, utf16).position(cursor)
}

// richCaps are the capabilities of a client that takes markdown,
// insert-and-replace edits and code action literals.
const richCaps = `{"textDocument": {
  "completion": {"completionItem": {"documentationFormat": ["markdown"], "insertReplaceSupport": true}},
  "hover": {"contentFormat": ["markdown"]},
  "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
  "codeAction": {"codeActionLiteralSupport": {}}}}`

// complete asks for the completions at the cursor.
func (c *client) complete(uri string, at Position) CompletionList {
	c.t.Helper()
	var list CompletionList
	c.mustCall("textDocument/completion", CompletionParams{TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}}, &list)
	return list
}

// labels returns the labels of items.
func labels(items []CompletionItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}

// Completion offers what the REPL offers at the same place, in its
// order, with kinds, types and edits that replace the word being typed.
func TestCompletionIsTheREPLs(t *testing.T) {
	md, err := metadata.Load(fixtureMetadata)
	if err != nil {
		t.Fatal(err)
	}
	complete.Prepare(md)
	for _, marked := range []string{
		"SELECT Name FROM |",
		"SELECT Na| FROM Task",
		"SELECT Name, Manager.| FROM Task",
		"SELECT Name, (SELECT Name FROM |) FROM Task",
		"SELECT Name FROM Task WHERE State = |",
		"SELECT Name FROM Task WHERE State IN (|",
		"SELECT Name FROM Task WHERE |",
		"SELECT |",
	} {
		c, uri, at := session(t, "", marked)
		text, cursor := strings.Replace(marked, "|", "", 1), strings.Index(marked, "|")
		complete.Prepare(md) // the sessions' sets may have pushed it out of the indexes kept
		want := complete.Complete(md, text, cursor)
		got := c.complete(uri, at)
		for deadline := time.Now().Add(waitTime); len(got.Items) < len(want.Items) && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond) // the server builds its field index after the first check
			got = c.complete(uri, at)
		}
		wantLabels := make([]string, len(want.Items))
		for i, it := range want.Items {
			wantLabels[i] = it.Text
		}
		if fmt.Sprint(labels(got.Items)) != fmt.Sprint(wantLabels) {
			t.Errorf("%s:\n got %v\nwant %v", marked, labels(got.Items), wantLabels)
		}
		if len(got.Items) == 0 {
			t.Errorf("%s: nothing offered", marked)
		}
	}
}

// Items carry their kind, type, documentation and an edit of the word.
func TestCompletionItems(t *testing.T) {
	c, uri, at := session(t, richCaps, "SELECT Name FROM Task WHERE Du|eDate < 2024-01-01")
	list := c.complete(uri, at)
	var due *CompletionItem
	for i := range list.Items {
		if list.Items[i].Label == "DueDate" {
			due = &list.Items[i]
		}
	}
	if due == nil {
		t.Fatalf("no DueDate in %v", labels(list.Items))
	}
	if due.Kind != completionField || due.Detail != "DateTime" || due.Documentation == nil ||
		!strings.Contains(due.Documentation.Value, "filterable") || due.Documentation.Kind != markdown {
		t.Errorf("item %+v", due)
	}
	raw, _ := json.Marshal(due.TextEdit)
	var edit InsertReplaceEdit
	json.Unmarshal(raw, &edit)
	want := InsertReplaceEdit{NewText: "DueDate", Insert: Range{Position{0, 28}, Position{0, 30}}, Replace: Range{Position{0, 28}, Position{0, 35}}}
	if edit != want {
		t.Errorf("edit %+v\nwant %+v", edit, want)
	}

	c2, uri2, at2 := session(t, "", "SELECT Name FROM Task WHERE State = |")
	list = c2.complete(uri2, at2)
	if len(list.Items) == 0 || list.Items[0].Kind != completionEnumMember || !strings.HasPrefix(list.Items[0].Label, "'") {
		t.Errorf("values %+v", list.Items)
	}
	// Exactly the values the validator accepts: Task's valid states, not
	// every value of the State pick list ('Suspended' is a User's).
	if got, want := fmt.Sprint(labels(list.Items)), "['Draft' 'Active' 'On Hold' 'Completed' 'Cancelled' NULL]"; got != want {
		t.Errorf("values after State =:\n got %s\nwant %s", got, want)
	}
	c3, uri3, at3 := session(t, "", "SELECT Name FROM Ta|")
	list = c3.complete(uri3, at3)
	var task CompletionItem
	for _, it := range list.Items {
		if it.Label == "Task" {
			task = it
		}
	}
	var resolved CompletionItem
	c3.mustCall("completionItem/resolve", task, &resolved)
	if task.Kind != completionClass || resolved.Documentation == nil || !strings.Contains(resolved.Documentation.Value, "entity Task") {
		t.Errorf("entity item %+v, resolved %+v", task, resolved)
	}
}

// hoverAt asks for the hover at a cursor.
func (c *client) hoverAt(uri string, at Position) *Hover {
	c.t.Helper()
	var h *Hover
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}, &h)
	return h
}

// Hover describes entities, fields, path segments, relations,
// aggregates and values from the metadata, and the detail of a
// diagnostic.
func TestHover(t *testing.T) {
	for _, tc := range []struct{ marked, want string }{
		{"SELECT Name FROM Ta|sk", "entity `Task`, a kind of `WorkItem`"},
		{"SELECT Due|Date FROM Task", "field `DueDate` of `Task`: DateTime"},
		{"SELECT Manager.Na|me FROM Task", "field `Name` of `User`"},
		{"SELECT Mana|ger.Name FROM Task", "reference → User"},
		{"SELECT Name, (SELECT Name FROM Resour|ces) FROM Task", "relation `Resources` → `User`"},
		{"SELECT CO|UNT(Name) AS n FROM Task GROUP BY State", "the number of records"},
		{"SELECT Name FROM Task WHERE State = 'Act|ive'", "one of the 5 values of `State`"},
		{"SELECT Name FROM Task WHERE St|ate = 'x'", "values: `Draft`, `Active`"},
		{"SELECT Name FROM Custm|er", "error[unknown-entity]: unknown entity \"Custmer\""},
		{"SELECT Name FROM Task WHERE DueDate < 2024-01-0|1", "date 2024-01-01"},
	} {
		c, uri, at := session(t, richCaps, tc.marked)
		h := c.hoverAt(uri, at)
		if h == nil || !strings.Contains(h.Contents.Value, tc.want) {
			t.Errorf("%s: hover %+v, want %q in it", tc.marked, h, tc.want)
		}
	}
	c, uri, at := session(t, richCaps, "SELECT Name FROM Task   |  ")
	if h := c.hoverAt(uri, at); h != nil {
		t.Errorf("hover on blanks: %+v", h)
	}
}

// edits asks for the edits of a formatting request.
func (c *client) edits(method string, params any) []TextEdit {
	c.t.Helper()
	var edits []TextEdit
	c.mustCall(method, params, &edits)
	return edits
}

// applyEdits applies edits to text, in the encoding enc.
func applyEdits(text string, enc encoding, edits []TextEdit) string {
	for i := len(edits) - 1; i >= 0; i-- {
		lines := newLineIndex(text, enc)
		start, end := lines.offsets(edits[i].Range)
		text = text[:start] + edits[i].NewText + text[end:]
	}
	return text
}

// Formatting makes the document canonical; a document with syntax
// errors is left alone; range formatting formats the statements the
// range touches, whole.
func TestFormatting(t *testing.T) {
	text := "select name from task where state='Active';\n-- two\nselect  id from  project limit 5\n"
	c, uri, _ := session(t, "", text)
	doc := TextDocumentIdentifier{URI: uri}
	want, _ := format.Source("", []byte(text))
	if got := applyEdits(text, utf16, c.edits("textDocument/formatting", DocumentFormattingParams{TextDocument: doc})); got != string(want) {
		t.Errorf("formatted:\n%s\nwant:\n%s", got, want)
	}
	r := Range{Start: Position{2, 3}, End: Position{2, 4}}
	got := applyEdits(text, utf16, c.edits("textDocument/rangeFormatting", DocumentRangeFormattingParams{TextDocument: doc, Range: r}))
	if wantRange := "select name from task where state='Active';\n-- two\nSELECT id FROM project LIMIT 5;\n"; got != wantRange {
		t.Errorf("range formatted:\n%q\nwant\n%q", got, wantRange)
	}
	c2, uri2, _ := session(t, "", "select name from where")
	if edits := c2.edits("textDocument/formatting", DocumentFormattingParams{TextDocument: TextDocumentIdentifier{URI: uri2}}); len(edits) != 0 {
		t.Errorf("a document with syntax errors was formatted: %+v", edits)
	}
}

// Each statement is a symbol named by its entity, with a child a clause.
func TestDocumentSymbols(t *testing.T) {
	c, uri, _ := session(t, richCaps, "SELECT Name FROM Task WHERE State = 'Active' LIMIT 5;\nSELECT Name FROM Project ORDER BY Name")
	var syms []DocumentSymbol
	c.mustCall("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &syms)
	var got []string
	for _, s := range syms {
		var kids []string
		for _, k := range s.Children {
			kids = append(kids, k.Name)
		}
		got = append(got, s.Name+"("+strings.Join(kids, ",")+")")
	}
	if fmt.Sprint(got) != "[Task(SELECT,FROM,WHERE,LIMIT) Project(SELECT,FROM,ORDER BY)]" {
		t.Errorf("symbols %v", got)
	}
	if syms[0].Range != (Range{Start: Position{0, 0}, End: Position{0, 53}}) || syms[1].SelectionRange != (Range{Start: Position{1, 17}, End: Position{1, 24}}) {
		t.Errorf("ranges %+v %+v", syms[0].Range, syms[1].SelectionRange)
	}
}

// codeActions asks for the actions of a range.
func (c *client) codeActions(uri string, r Range) []CodeAction {
	c.t.Helper()
	var actions []CodeAction
	c.mustCall("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: r}, &actions)
	return actions
}

// Code actions: the did-you-mean fix, "ignore CODE for this statement"
// and the API request of the statement.
func TestCodeActions(t *testing.T) {
	text := "SELECT Name FROM Task\n  WHERE DueDat < 2024-01-01 LIMIT 5"
	c, uri, _ := session(t, richCaps, text)
	actions := c.codeActions(uri, Range{Start: Position{1, 9}, End: Position{1, 9}})
	byTitle := map[string]CodeAction{}
	for _, a := range actions {
		byTitle[a.Title] = a
	}
	fix, ok := byTitle[`Change to "DueDate"`]
	if !ok || !fix.IsPreferred || fix.Kind != kindQuickFix || len(fix.Diagnostics) != 1 {
		t.Fatalf("no preferred fix in %+v", actions)
	}
	if got := applyEdits(text, utf16, fix.Edit.Changes[uri]); got != strings.Replace(text, "DueDat", "DueDate", 1) {
		t.Errorf("fixed: %q", got)
	}
	ignore, ok := byTitle["Ignore unknown-field for this statement"]
	if !ok {
		t.Fatalf("no ignore action in %+v", actions)
	}
	ignored := applyEdits(text, utf16, ignore.Edit.Changes[uri])
	if want := "-- czql:ignore unknown-field\n" + text; ignored != want {
		t.Errorf("ignored: %q", ignored)
	}
	show, ok := byTitle["Show the API request"]
	if !ok || show.Command == nil {
		t.Fatalf("no show-request action in %+v", actions)
	}
	var out string
	err := c.call("workspace/executeCommand", ExecuteCommandParams{Command: show.Command.Command, Arguments: show.Command.Arguments}, &out)
	if err == nil || !strings.Contains(err.Error(), `entity "Task" has no field "DueDat"`) {
		t.Errorf("translating a statement with an error: %v", err)
	}
	c.change(uri, 2, TextDocumentContentChangeEvent{Text: ignored})
	c.change(uri, 3, TextDocumentContentChangeEvent{Text: strings.Replace(text, "DueDat", "DueDate", 1)})
	c.mustCall("workspace/executeCommand", ExecuteCommandParams{Command: show.Command.Command, Arguments: show.Command.Arguments}, &out)
	if !strings.Contains(out, `"url": "/data/entityQuery"`) || !strings.Contains(out, `"fieldName": "DueDate"`) {
		t.Errorf("request %s", out)
	}
}

// A second ignored code joins the comment already before the statement.
func TestIgnoreJoinsTheComment(t *testing.T) {
	text := "-- czql:ignore no-limit\nSELECT Nme FROM Task"
	c, uri, _ := session(t, richCaps, text)
	for _, a := range c.codeActions(uri, Range{Start: Position{1, 8}, End: Position{1, 8}}) {
		if a.Title == "Ignore unknown-field for this statement" {
			if got := applyEdits(text, utf16, a.Edit.Changes[uri]); got != "-- czql:ignore no-limit,unknown-field\nSELECT Nme FROM Task" {
				t.Errorf("ignored: %q", got)
			}
			return
		}
	}
	t.Error("no ignore action")
}

// Semantic tokens tell keywords, entities, fields, functions, strings,
// numbers, dates, parameters and comments apart.
func TestSemanticTokens(t *testing.T) {
	text := "-- c\nSELECT COUNT(Name) AS n FROM Task WHERE DueDate < 2024-01-01 AND Name = 'x' AND Priority > :p LIMIT 5"
	c, uri, _ := session(t, "", text)
	var toks SemanticTokens
	c.mustCall("textDocument/semanticTokens/full", SemanticTokensParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &toks)
	names := legend().TokenTypes
	var got []string
	line, char := uint32(0), uint32(0)
	lines := newLineIndex(text, utf16)
	for i := 0; i+4 < len(toks.Data); i += 5 {
		if toks.Data[i] > 0 {
			char = 0
		}
		line += toks.Data[i]
		char += toks.Data[i+1]
		start := lines.offset(Position{line, char})
		word := text[start : start+int(toks.Data[i+2])]
		kind := names[toks.Data[i+3]]
		if toks.Data[i+4]&modDate != 0 {
			kind += "+date"
		}
		got = append(got, word+":"+kind)
	}
	want := "[-- c:comment SELECT:keyword COUNT:function Name:property AS:keyword n:variable FROM:keyword Task:type WHERE:keyword " +
		"DueDate:property <:operator 2024-01-01:number+date AND:keyword Name:property =:operator 'x':string AND:keyword " +
		"Priority:property >:operator :p:parameter LIMIT:keyword 5:number]"
	if fmt.Sprint(got) != want {
		t.Errorf("tokens\n%v\nwant\n%v", got, want)
	}
}

// A client without code action literals gets the command alone.
func TestCodeActionsAsCommands(t *testing.T) {
	c, uri, _ := session(t, "", "SELECT Nme FROM Task LIMIT 1")
	var cmds []Command
	c.mustCall("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{End: Position{0, 3}}}, &cmds)
	if len(cmds) != 1 || cmds[0].Command != commandShowRequest {
		t.Errorf("commands %+v", cmds)
	}
}
