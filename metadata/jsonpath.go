package metadata

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// pathFrame is one open object or array while walking JSON tokens.
type pathFrame struct {
	array   bool
	index   int    // current element of an array
	key     string // current key of an object
	wantKey bool   // the next string of an object is a key
}

// pathAt returns the path ("a[2].b") and the start offset of the token of
// data that ends at or after byte offset off; "" and off when it cannot be
// found.
func pathAt(data []byte, off int64) (string, int64) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var frames []pathFrame
	for {
		prev := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return "", off
		}
		frames = step(frames, tok)
		if dec.InputOffset() >= off {
			for prev < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[prev]) >= 0 {
				prev++
			}
			return formatPath(frames), prev
		}
	}
}

// step updates the open frames for one token.
func step(frames []pathFrame, tok json.Token) []pathFrame {
	n := len(frames)
	if n > 0 && !frames[n-1].array && frames[n-1].wantKey {
		if s, ok := tok.(string); ok {
			frames[n-1].key, frames[n-1].wantKey = s, false
			return frames
		}
	}
	if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
		frames = frames[:max(n-1, 0)]
		return valueDone(frames)
	}
	if n > 0 && frames[n-1].array {
		frames[n-1].index++
	}
	if d, ok := tok.(json.Delim); ok {
		return append(frames, pathFrame{array: d == '[', index: -1, wantKey: d == '{'})
	}
	return valueDone(frames)
}

// valueDone marks the current value of the innermost object complete.
func valueDone(frames []pathFrame) []pathFrame {
	if n := len(frames); n > 0 && !frames[n-1].array {
		frames[n-1].wantKey = true
	}
	return frames
}

// formatPath renders frames as a path.
func formatPath(frames []pathFrame) string {
	var b strings.Builder
	for _, f := range frames {
		switch {
		case f.array && f.index >= 0:
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		case !f.array && f.key != "":
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		}
	}
	return b.String()
}
