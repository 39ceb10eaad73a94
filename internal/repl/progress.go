package repl

import (
	"fmt"
	"io"
	"strconv"
	"time"
)

// progressInterval is the least time between two writes of the row
// counter, and how long a fetch runs before the counter first shows
// (a quick page shows none).
const progressInterval = 100 * time.Millisecond

// eraseLine returns to the start of the line and clears it.
const eraseLine = "\r\033[K"

// rowCounter is the live "fetched 1,200 rows…" line written on standard
// error while a result is fetched ([Config.Progress]), erased before the
// result is written. Without Progress it writes nothing.
type rowCounter struct {
	w     io.Writer // nil: no counter
	now   func() time.Time
	last  time.Time // when the counter was last written, or the fetch started
	shown bool      // the counter is on the screen
}

// newRowCounter starts the counter of a fetch.
func (s *Session) newRowCounter() *rowCounter {
	c := &rowCounter{now: s.now}
	if s.cfg.Progress && s.cfg.Stderr != nil {
		c.w, c.last = s.cfg.Stderr, s.now()
	}
	return c
}

// update shows that n rows have been fetched, unless the counter was
// written less than progressInterval ago.
func (c *rowCounter) update(n int) {
	if c.w == nil {
		return
	}
	now := c.now()
	if now.Sub(c.last) < progressInterval {
		return
	}
	c.last, c.shown = now, true
	fmt.Fprintf(c.w, "\rfetched %s…", rowCount(n))
}

// clear erases the counter, if it is shown.
func (c *rowCounter) clear() {
	if c.shown {
		io.WriteString(c.w, eraseLine)
		c.shown = false
	}
}

// rowCount is "1 row" or "1,200 rows".
func rowCount(n int) string {
	if n == 1 {
		return "1 row"
	}
	return groupThousands(n) + " rows"
}

// groupThousands writes n with a comma between groups of three digits.
func groupThousands(n int) string {
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	out := digits[:head]
	for i := head; i < len(digits); i += 3 {
		out += "," + digits[i:i+3]
	}
	return sign + out
}
