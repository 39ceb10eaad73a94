package metadata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
)

// DecodeError is an error in metadata JSON: a syntax error or a value of
// the wrong kind. Line and Col (1-based, Col counted in bytes) locate it
// when known (0 otherwise); Path names the value, e.g.
// "entityDescriptions[3].fields[5].type".
type DecodeError struct {
	Line, Col int
	Path      string
	Msg       string
}

// Error implements error: "metadata: 12:5: entityDescriptions[0].fields[2]: missing name".
func (e *DecodeError) Error() string {
	s := "metadata: "
	if e.Line > 0 {
		s += strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": "
	}
	if e.Path != "" {
		s += e.Path + ": "
	}
	return s + e.Msg
}

// Decode reads metadata JSON: the describeMetadata or describeEntities
// response {"entityDescriptions":[…]}, a bare array of entity descriptions,
// a listEntities response {"typeNames":[…]} (entities without fields) or a
// describeEntityRelations response {"entityRelations":[…]}; one document
// may combine those keys. Unknown keys are ignored. Errors are
// *DecodeError values with the position of bad JSON and the path of bad
// values.
func Decode(r io.Reader) (*Metadata, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	return decodeJSON(data)
}

// decodeJSON is Decode over bytes.
func decodeJSON(data []byte) (*Metadata, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &DecodeError{Line: 1, Col: 1, Msg: "empty metadata document"}
	}
	var doc documentJSON
	var err error
	switch trimmed[0] {
	case '[':
		err = json.Unmarshal(data, &doc.EntityDescriptions)
	case '{':
		err = json.Unmarshal(data, &doc)
	default:
		err = json.Unmarshal(data, new(json.RawMessage))
		if err == nil {
			err = errors.New("metadata document is not an object or an array")
		}
	}
	if err != nil {
		return nil, jsonError(data, err, trimmed[0] == '[')
	}
	entities, err := doc.entities()
	if err != nil {
		return nil, err
	}
	if len(entities) == 0 && (trimmed[0] == '[' || doc.EntityDescriptions == nil) {
		return nil, notMetadata(data, trimmed[0] == '{')
	}
	dups := findDuplicates(entities[:len(doc.EntityDescriptions)]) // typeNames and entityRelations add to descriptions
	m := New(entities...)
	m.duplicates = dups
	return m, nil
}

// notMetadata explains a document that decoded without any entity and
// without an entityDescriptions list (an empty object or array, a null
// list, a sandbox dataset): it is not describeMetadata, and checking
// queries against it would pass nothing. An explicit empty list,
// {"entityDescriptions": []}, is an organisation without entities.
func notMetadata(data []byte, object bool) error {
	if object {
		var keys map[string]json.RawMessage
		if json.Unmarshal(data, &keys) == nil {
			if _, ok := keys["entities"]; ok {
				return &DecodeError{Line: 1, Col: 1, Msg: "this is a sandbox dataset (czql sandbox --data), not metadata: " +
					`give the describeMetadata JSON, {"entityDescriptions": […]}`}
			}
		}
	}
	return &DecodeError{Line: 1, Col: 1, Msg: "no entity in the document: metadata is the describeMetadata JSON, " +
		`{"entityDescriptions": […]} (czql metadata fetch writes it)`}
}

// jsonError turns an encoding/json error into a *DecodeError.
func jsonError(data []byte, err error, bare bool) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset-1) // Offset is just past the bad byte
		return &DecodeError{Line: line, Col: col, Msg: syn.Error()}
	case errors.As(err, &typ):
		path, start := pathAt(data, typ.Offset)
		line, col := lineCol(data, start)
		if bare {
			path = "entityDescriptions" + path
		}
		msg := "cannot use JSON " + typ.Value + " as " + typ.Type.String()
		return &DecodeError{Line: line, Col: col, Path: path, Msg: msg}
	}
	return &DecodeError{Msg: err.Error()}
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// Load reads metadata from one file or merges several (later files win,
// see Merge). Each file is either metadata JSON (see Decode) or a cache
// written by WriteCache, recognised by its magic header.
func Load(paths ...string) (*Metadata, error) {
	if len(paths) == 0 {
		return nil, errors.New("metadata: no file to load")
	}
	ms := make([]*Metadata, 0, len(paths))
	for _, p := range paths {
		m, err := loadFile(p)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	if len(ms) == 1 {
		return ms[0], nil
	}
	return Merge(ms...), nil
}

// loadFile reads one JSON or cache file.
func loadFile(path string) (*Metadata, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	var m *Metadata
	if bytes.HasPrefix(data, []byte(cacheMagicPrefix)) {
		m, err = decodeOwned(data)
	} else {
		m, err = decodeJSON(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
