package lsp

import (
	"encoding/json"
	"fmt"

	"github.com/czql/czql/internal/repl/complete"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
)

// completion answers textDocument/completion with what the REPL offers at
// the same place (package complete, on the parser's expected set): each
// item with its kind, its type as detail and its label and flags as
// documentation, and an edit that replaces the word being typed.
func (s *server) completion(params json.RawMessage) (any, error) {
	p, err := decode[CompletionParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	st := s.setupFor(d)
	s.tell(st.notes)
	cursor := snap.lines.offset(p.Position)
	res := complete.Complete(st.md, snap.text, cursor)
	s.mu.Lock()
	client := s.client
	s.mu.Unlock()
	list := CompletionList{IsIncomplete: res.Incomplete, Items: make([]CompletionItem, len(res.Items))}
	insert := snap.lines.rangeOf(res.Start, cursor)
	replace := snap.lines.rangeOf(res.Start, wordEnd(snap.text, res.Start, cursor))
	for i, it := range res.Items {
		item := completionItem(it, d.uri, client.markdownDocs)
		item.SortText = fmt.Sprintf("%05d", i)
		if client.insertReplace && replace != insert {
			item.TextEdit = InsertReplaceEdit{NewText: it.Text, Insert: insert, Replace: replace}
		} else {
			item.TextEdit = TextEdit{Range: insert, NewText: it.Text}
		}
		list.Items[i] = item
	}
	return list, nil
}

// completionItem converts one item, without its edit.
func completionItem(it complete.Item, uri string, md bool) CompletionItem {
	item := CompletionItem{Label: it.Text, Kind: itemKind(it), Detail: it.Description}
	switch {
	case it.Field != nil:
		item.Detail = fieldType(it.Field)
		item.Documentation = markup(fieldDoc(it.Field, nil, nil), md)
	case it.Relation != nil:
		item.Detail = "relation → " + it.Relation.RelatedTypeName
		item.Documentation = markup(relationDoc(it.Relation), md)
	case it.Kind == complete.Entity:
		item.Data, _ = json.Marshal(resolveData{URI: uri, Entity: lexerName(it.Text)})
	}
	return item
}

// lexerName returns a name without its @ escape.
func lexerName(text string) string {
	if len(text) > 1 && text[0] == '@' && lexer.IsName(text[1:]) {
		return text[1:]
	}
	return text
}

// itemKind maps a suggestion's kind to a completion item kind.
func itemKind(it complete.Item) int {
	switch it.Kind {
	case complete.Entity:
		return completionClass
	case complete.Field:
		return completionField
	case complete.Relation:
		return completionReference
	case complete.Value:
		if it.Text != "NULL" && it.Text != "TRUE" && it.Text != "FALSE" {
			return completionEnumMember
		}
		return completionValue
	case complete.Function:
		return completionFunction
	case complete.Operator:
		return completionOperator
	}
	return completionKeyword
}

// wordEnd returns the end of the word the cursor is in, from start: the
// name characters after the cursor, or the rest of a string up to its
// closing quote.
func wordEnd(text string, start, cursor int) int {
	if start < len(text) && (text[start] == '\'' || text[start] == '"') {
		q := text[start]
		for i := cursor; i < len(text) && text[i] != '\n'; i++ {
			if text[i] == q {
				return i + 1
			}
		}
		return cursor
	}
	end := cursor
	for end < len(text) && isNameByte(text[end]) {
		end++
	}
	return end
}

// isNameByte reports whether c continues a name: a letter, a digit, '_'
// or any byte of a non-ASCII letter.
func isNameByte(c byte) bool {
	return c == '_' || c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// resolveData is what an entity item carries for completionItem/resolve.
type resolveData struct {
	URI    string `json:"uri"`
	Entity string `json:"entity"`
}

// resolveCompletion adds the documentation of an entity item: reading
// every entity's label when listing them would decode the whole of a
// lazily loaded metadata cache, so it is read for the item shown only.
func (s *server) resolveCompletion(params json.RawMessage) (any, error) {
	item, err := decode[CompletionItem](params)
	if err != nil {
		return nil, err
	}
	var data resolveData
	if len(item.Data) == 0 || json.Unmarshal(item.Data, &data) != nil || data.Entity == "" {
		return item, nil
	}
	md := s.metadataOf(data.URI)
	if e := md.Entity(data.Entity); e != nil {
		s.mu.Lock()
		useMD := s.client.markdownDocs
		s.mu.Unlock()
		item.Documentation = markup(entityDoc(e), useMD)
	}
	return item, nil
}

// metadataOf returns the metadata of the last check of the document
// uri, or nil.
func (s *server) metadataOf(uri string) *metadata.Metadata {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		return d.setup.md
	}
	return nil
}
