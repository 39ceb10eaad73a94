package tty

import "unicode/utf8"

// splitKeys cuts a chunk read from the terminal into the pieces go-prompt
// can take one at a time. go-prompt recognises a key only when a read
// returns exactly its bytes, and inserts any other chunk as text, so
// keys that arrive together (a paste, a fast typist, a test) would be
// typed as escape sequences and newlines into the line. Each piece is
// one escape sequence, one control character, or a run of printable
// text (which go-prompt inserts as it is).
func splitKeys(b []byte) [][]byte {
	var keys [][]byte
	for len(b) > 0 {
		n := keyLen(b)
		keys = append(keys, b[:n:n])
		b = b[n:]
	}
	return keys
}

// keyLen is the length of the piece at the start of b.
func keyLen(b []byte) int {
	switch {
	case b[0] == 0x1b:
		return escapeLen(b)
	case b[0] < 0x20 || b[0] == 0x7f:
		return 1
	}
	return textLen(b)
}

// textLen is the length of the run of printable text at the start of b:
// up to the next control character or escape, and never cutting a UTF-8
// sequence (invalid bytes count as one each).
func textLen(b []byte) int {
	i := 0
	for i < len(b) && b[i] >= 0x20 && b[i] != 0x7f {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

// escapeLen is the length of the escape sequence at the start of b: a
// CSI sequence (ESC [ parameters intermediates final), an SS3 one (ESC O
// x), ESC and one byte (Alt+key), or a lone ESC. A sequence cut off by
// the end of b is taken whole.
func escapeLen(b []byte) int {
	if len(b) < 2 {
		return 1
	}
	switch b[1] {
	case '[':
		return csiLen(b)
	case 'O':
		return min(3, len(b))
	case 0x1b:
		return 1 // ESC ESC: the first is a key of its own
	}
	return 2
}

// csiLen is the length of the CSI sequence at the start of b (which
// starts with ESC [).
func csiLen(b []byte) int {
	i := 2
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x3f {
		i++ // parameters and intermediates
	}
	if i < len(b) && b[i] >= 0x40 && b[i] <= 0x7e {
		i++ // the final byte
	}
	return i
}
