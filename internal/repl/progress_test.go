package repl

import (
	"bytes"
	"context"
	"testing"
	"time"
)

// steppingClock returns a clock that moves step forward at each reading.
func steppingClock(step time.Duration) func() time.Time {
	t := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestProgressCountsRowsThenErasesTheCounter(t *testing.T) {
	s, stdout, stderr := sandboxSession(t, Config{Progress: true})
	s.now = steppingClock(progressInterval) // every row is worth an update
	ctx := context.Background()
	s.ExecStatement(ctx, "SELECT Name FROM Task ORDER BY Name LIMIT 1;")
	s.ExecMeta(ctx, `\all`)
	check(t, "stderr", stderr.String(),
		"\rfetched 1 row…\r\033[K1 row, more available: \\more\n"+
			"\rfetched 1 row…\rfetched 2 rows…\rfetched 3 rows…\rfetched 4 rows…\r\033[K4 rows\n")
	check(t, "stdout", stdout.String(), "Name\n----------------\n+Review, \"final\"\n\nName\n------\nBuild\nDesign\nShip\nTest\n")
}

func TestNoProgressWithoutTheOption(t *testing.T) {
	s, _, stderr := sandboxSession(t, Config{})
	s.now = steppingClock(time.Second)
	ctx := context.Background()
	s.ExecStatement(ctx, "SELECT Name FROM Task ORDER BY Name LIMIT 1;")
	s.ExecMeta(ctx, `\all`)
	check(t, "stderr", stderr.String(), "1 row, more available: \\more\n4 rows\n")
}

func TestProgressErasedWhenTheFetchFails(t *testing.T) {
	s, _, stderr := sandboxSession(t, Config{Progress: true})
	clock := steppingClock(progressInterval)
	ctx, cancel := context.WithCancel(context.Background())
	readings, armed := 0, false
	s.now = func() time.Time {
		if armed {
			// The second reading of \all is the counter's first row (the
			// first starts the counter): the page after it cannot be
			// fetched.
			if readings++; readings == 2 {
				cancel()
			}
		}
		return clock()
	}
	s.ExecStatement(ctx, "SELECT Name FROM Task ORDER BY Name LIMIT 1;")
	armed = true
	s.ExecMeta(ctx, `\all`)
	// The interrupted fetch is reported silently, as a ^C is; the
	// counter is erased all the same, and the row that arrived is shown.
	check(t, "stderr", stderr.String(), "\rfetched 1 row…\r\033[K1 row, more available: \\more\n"+
		"\rfetched 1 row…\r\033[K1 row, interrupted, more available: \\more\n")
	if !s.Failed() {
		t.Errorf("the canceled fetch did not fail:\n%q", stderr.String())
	}
}

func TestRowCounterThrottles(t *testing.T) {
	var b bytes.Buffer
	c := &rowCounter{w: &b, now: steppingClock(30 * time.Millisecond)}
	c.last = c.now()
	for n := 1; n <= 8; n++ {
		c.update(n)
	}
	c.clear()
	c.clear() // erasing twice writes once
	// Readings every 30 ms: rows 4 (120 ms after the start) and 8 (120
	// ms after row 4) are shown.
	check(t, "counter", b.String(), "\rfetched 4 rows…\rfetched 8 rows…\r\033[K")
}

func TestRowCounterSilentWhenNothingShown(t *testing.T) {
	var b bytes.Buffer
	c := &rowCounter{w: &b, now: steppingClock(time.Millisecond)}
	c.last = c.now()
	c.update(1)
	c.clear()
	check(t, "counter", b.String(), "")
}

func TestRowCount(t *testing.T) {
	for n, want := range map[int]string{
		0: "0 rows", 1: "1 row", 2: "2 rows", 999: "999 rows", 1000: "1,000 rows",
		1200: "1,200 rows", 123456: "123,456 rows", 1234567: "1,234,567 rows",
	} {
		if got := rowCount(n); got != want {
			t.Errorf("rowCount(%d) = %q, want %q", n, got, want)
		}
	}
	if got := groupThousands(-1234); got != "-1,234" {
		t.Errorf("groupThousands(-1234) = %q", got)
	}
}
