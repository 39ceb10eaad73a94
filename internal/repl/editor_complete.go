package repl

import (
	"strings"

	prompt "github.com/c-bata/go-prompt"

	"github.com/czql/czql/internal/repl/complete"
)

// wordSeparators are the characters that end the word go-prompt replaces
// with a chosen suggestion.
const wordSeparators = " \t\n(),=<>!;."

// suggest returns the suggestions for the document being edited: the
// meta-commands and their arguments on a line that starts with a
// backslash, CZQL completion otherwise (over the pending lines and this
// one, so that a FROM on an earlier line counts).
func (e *editor) suggest(d prompt.Document) []prompt.Suggest {
	before := d.TextBeforeCursor()
	if strings.TrimSpace(d.Text) == "" && e.pending == "" {
		return nil // an empty prompt shows no menu
	}
	word := d.GetWordBeforeCursorUntilSeparator(wordSeparators)
	if e.pending == "" && isMetaLine(before) {
		return e.suggestMeta(before, word)
	}
	text := e.pending + d.Text
	cursor := len(e.pending) + len(before)
	res := complete.Complete(e.s.Metadata(), text, cursor)
	return toSuggestions(text, cursor, cursor-len(word), res)
}

// toSuggestions converts res to go-prompt suggestions. go-prompt replaces
// the word that starts at wordStart; when the completed fragment starts
// elsewhere (a quoted value with blanks), the texts are cut or extended
// to replace the same span.
func toSuggestions(text string, cursor, wordStart int, res complete.Result) []prompt.Suggest {
	out := make([]prompt.Suggest, 0, len(res.Items))
	for _, it := range res.Items {
		t, ok := replacement(text, res.Start, wordStart, it.Text)
		if !ok {
			continue
		}
		out = append(out, prompt.Suggest{Text: t, Description: it.Description})
	}
	return out
}

// replacement returns the text that, put in place of text[wordStart:],
// has the effect of putting item in place of text[start:]; ok is false
// when item does not begin with the part of the fragment go-prompt keeps.
func replacement(text string, start, wordStart int, item string) (string, bool) {
	switch {
	case start == wordStart:
		return item, true
	case start > wordStart:
		return text[wordStart:start] + item, true
	}
	kept := text[start:wordStart]
	if len(item) < len(kept) || !strings.EqualFold(item[:len(kept)], kept) {
		return "", false
	}
	return item[len(kept):], true
}

// suggestMeta completes a meta-command line: the command name, then its
// argument.
func (e *editor) suggestMeta(before, word string) []prompt.Suggest {
	line := strings.TrimLeft(before, " \t")
	name, arg, hasArg := strings.Cut(line[1:], " ")
	if !hasArg {
		return metaNameSuggestions(word)
	}
	cmd, ok := findMeta(name)
	if !ok {
		return nil
	}
	switch cmd.values {
	case "":
		return nil
	case argQuery:
		return e.suggestQuery(strings.TrimLeft(arg, " "), word)
	case argEntity:
		return entitySuggestions(e.s, word)
	}
	return wordSuggestions(strings.Split(cmd.values, "|"), word)
}

// suggestQuery completes the CZQL text of \translate and \fmt.
func (e *editor) suggestQuery(query, word string) []prompt.Suggest {
	res := complete.Complete(e.s.Metadata(), query, len(query))
	return toSuggestions(query, len(query), len(query)-len(word), res)
}

// metaNameSuggestions lists the meta-commands whose name starts with the
// typed word (which includes its backslash).
func metaNameSuggestions(word string) []prompt.Suggest {
	var out []prompt.Suggest
	for _, c := range metaCommands() {
		name := `\` + c.name
		if hasPrefixFold(name, word) {
			out = append(out, prompt.Suggest{Text: name, Description: c.help})
		}
	}
	return out
}

// entitySuggestions lists the entities whose name starts with word.
func entitySuggestions(s *Session, word string) []prompt.Suggest {
	md := s.Metadata()
	if md == nil {
		return nil
	}
	return wordSuggestions(md.EntityNames(), word)
}

// wordSuggestions lists the words that start with word, in any case,
// then the ones that contain it.
func wordSuggestions(words []string, word string) []prompt.Suggest {
	var first, then []prompt.Suggest
	for _, w := range words {
		switch {
		case hasPrefixFold(w, word):
			first = append(first, prompt.Suggest{Text: w})
		case word != "" && strings.Contains(strings.ToLower(w), strings.ToLower(word)):
			then = append(then, prompt.Suggest{Text: w})
		}
	}
	return append(first, then...)
}

// hasPrefixFold reports whether s starts with prefix, in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
