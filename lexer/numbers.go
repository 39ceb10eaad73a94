package lexer

// scanNumberOrDate scans a token that starts with a digit at i: a number,
// or an unquoted date when the digits are followed by '-' and more digits
// in a date-like way (2024-01-31, but also the wrong 2024-1-1).
func (s *Scanner) scanNumberOrDate(i int) (Kind, int) {
	j := s.digitsEnd(i)
	if s.byteAt(j) == '-' && isDigit(s.byteAt(j+1)) {
		k := s.digitsEnd(j + 1)
		if j-i == 4 || s.byteAt(k) == '-' && isDigit(s.byteAt(k+1)) {
			return s.scanDate(i)
		}
	}
	return s.scanNumber(i)
}

// scanNumber scans a number at i: an optional '-', digits and an optional
// fraction. It reports a missing digit around the '.' and letters right
// after the number (exponents are not supported), and keeps all of that in
// the Number token so that parsing goes on.
func (s *Scanner) scanNumber(i int) (Kind, int) {
	j := i
	if s.src[j] == '-' {
		j++
	}
	intEnd := s.digitsEnd(j)
	end := intEnd
	if s.byteAt(end) == '.' {
		end = s.digitsEnd(end + 1)
		switch {
		case intEnd == j:
			s.errorf(CodeInvalidNumber, i, end, "missing digit before '.': write %s0%s", s.src[i:j], s.src[j:end])
		case end == intEnd+1:
			s.errorf(CodeInvalidNumber, i, end, "missing digits after '.'")
		}
	}
	if s.isNameStart(end) {
		junk := s.identEnd(end)
		s.errorf(CodeInvalidNumber, i, junk, "number followed by letters")
		end = junk
	}
	return Number, end
}

// scanDate scans an unquoted date or date-time at i. A malformed one is
// still a single Date token, reported together with the characters that
// cling to it.
func (s *Scanner) scanDate(i int) (Kind, int) {
	end, ok := matchDateTime(s.src, i)
	junk := s.dateJunkEnd(end)
	if ok && junk == end {
		return Date, end
	}
	if ok && junk > i+10 && s.src[i+10] == 'T' {
		s.errorf(CodeInvalidDate, i, junk, "date-time must be written YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]")
	} else {
		s.errorf(CodeInvalidDate, i, junk, "date must be written YYYY-MM-DD")
	}
	return Date, junk
}

// dateJunkEnd returns the end of the run of characters at i that may belong
// to a mistyped date: ASCII letters, digits, '_', '-', ':', '.' and '+',
// stopping before a "--" comment.
func (s *Scanner) dateJunkEnd(i int) int {
	for i < len(s.src) {
		c := s.src[i]
		switch {
		case isLetterASCII(c), isDigit(c), c == '_', c == ':', c == '.', c == '+':
		case c == '-' && s.byteAt(i+1) != '-':
		default:
			return i
		}
		i++
	}
	return i
}

// matchDateTime matches YYYY-MM-DD[THH:MM[:SS[.fraction]][Z|±HH:MM]] at i.
// It returns the end of the longest well-formed prefix and whether the date
// part is well formed. Values are not checked: that is the validator's job.
func matchDateTime(src string, i int) (int, bool) {
	if !digitsAt(src, i, 4) || !byteIs(src, i+4, '-') || !digitsAt(src, i+5, 2) ||
		!byteIs(src, i+7, '-') || !digitsAt(src, i+8, 2) {
		return i, false
	}
	i += 10
	if !byteIs(src, i, 'T') || !digitsAt(src, i+1, 2) || !byteIs(src, i+3, ':') || !digitsAt(src, i+4, 2) {
		return i, true
	}
	i += 6
	if byteIs(src, i, ':') && digitsAt(src, i+1, 2) {
		i += 3
		if byteIs(src, i, '.') && digitsAt(src, i+1, 1) {
			i += 2
			for i < len(src) && isDigit(src[i]) {
				i++
			}
		}
	}
	switch {
	case byteIs(src, i, 'Z'):
		i++
	case (byteIs(src, i, '+') || byteIs(src, i, '-')) && digitsAt(src, i+1, 2) &&
		byteIs(src, i+3, ':') && digitsAt(src, i+4, 2):
		i += 6
	}
	return i, true
}

// digitsEnd returns the end of the run of ASCII digits at i.
func (s *Scanner) digitsEnd(i int) int {
	for i < len(s.src) && isDigit(s.src[i]) {
		i++
	}
	return i
}

// digitsAt reports whether src holds n ASCII digits at i.
func digitsAt(src string, i, n int) bool {
	if i+n > len(src) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(src[k]) {
			return false
		}
	}
	return true
}

// byteIs reports whether src[i] is c.
func byteIs(src string, i int, c byte) bool { return i < len(src) && src[i] == c }
