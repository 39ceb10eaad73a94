//go:build unix

package ptytest_test

import (
	"fmt"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/internal/ptytest"
)

// timeout bounds every wait; the programs answer in milliseconds.
const timeout = 10 * time.Second

func TestStrip(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "SELECT Name", "SELECT Name"},
		{"carriage returns", "a\r\nb\r\n", "a\nb\n"},
		{"CSI", "\x1b[2K\x1b[1;32mok\x1b[0m \x1b[?25l", "ok "},
		{"OSC with BEL", "\x1b]0;title\x07after", "after"},
		{"OSC with ST", "\x1b]2;title\x1b\\after", "after"},
		{"DCS", "\x1bPq#0;2\x1b\\x", "x"},
		{"two-byte", "\x1b7saved\x1b8\x1b=", "saved"},
		{"charset", "\x1b(Babc", "abc"},
		{"cut-off CSI", "ab\x1b[1;3", "ab"},
		{"cut-off OSC", "ab\x1b]0;ti", "ab"},
		{"lone ESC", "ab\x1b", "ab"},
		{"other controls kept", "a\tb\x07c", "a\tb\x07c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ptytest.Strip(tt.in); got != tt.want {
				t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStripGrowsAtTheEnd checks that stripping a stream cut anywhere gives
// a prefix of the stripped whole: the read mark of Expect relies on it.
func TestStripGrowsAtTheEnd(t *testing.T) {
	stream := "\x1b[1mSELECT\x1b[0m a\r\n\x1b]0;t\x07\x1b7b\x1b(B\x1bPx\x1b\\c"
	whole := ptytest.Strip(stream)
	for i := range len(stream) + 1 {
		if part := ptytest.Strip(stream[:i]); !strings.HasPrefix(whole, part) {
			t.Errorf("Strip(stream[:%d]) = %q is not a prefix of %q", i, part, whole)
		}
	}
}

func TestHasSetting(t *testing.T) {
	stty := "speed 38400 baud; rows 24; columns 80;\nisig icanon -iexten echo echoe -echonl"
	for setting, want := range map[string]bool{
		"echo": true, "-echo": false, "echoe": true, "icanon": true,
		"-iexten": true, "iexten": false, "rows": true, "24": true,
	} {
		if got := ptytest.HasSetting(stty, setting); got != want {
			t.Errorf("HasSetting(%q) = %v, want %v", setting, got, want)
		}
	}
}

func TestCatEchoesAndExitsOnCtrlD(t *testing.T) {
	term := ptytest.Start(t, exec.Command("cat"), 80, 24)
	term.Send("hello\r")
	term.Expect("hello\n", timeout) // the terminal's echo
	term.Expect("hello\n", timeout) // cat's copy
	term.Send("\x04")
	if code := term.Wait(timeout); code != 0 {
		t.Errorf("cat exited with %d, want 0", code)
	}
	if got, want := term.Output(), "hello\nhello\n"; got != want {
		t.Errorf("Output() = %q, want %q", got, want)
	}
	if !strings.Contains(term.Raw(), "hello\r\n") {
		t.Errorf("Raw() = %q, want the carriage returns kept", term.Raw())
	}
}

func TestProgramSeesATerminalOfTheGivenSize(t *testing.T) {
	// /dev/tty opens: the terminal is the program's controlling terminal.
	term := ptytest.Start(t, exec.Command("sh", "-c", "stty size </dev/tty; exit 3"), 100, 40)
	m := term.ExpectRegexp(`(\d+) (\d+)`, timeout)
	if m[1] != "40" || m[2] != "100" {
		t.Errorf("stty size = %q, want rows 40, columns 100", m[0])
	}
	if code := term.Wait(timeout); code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
}

func TestCtrlCInterruptsTheProgram(t *testing.T) {
	term := ptytest.Start(t, exec.Command("sh", "-c", "echo ready; exec sleep 60"), 80, 24)
	term.Expect("ready", timeout)
	term.Send("\x03")
	if code := term.Wait(timeout); code != -1 {
		t.Errorf("exit code %d, want -1 (killed by SIGINT)", code)
	}
}

func TestExpectAdvancesTheMark(t *testing.T) {
	term := ptytest.Start(t, exec.Command("sh", "-c", "echo one; echo two; echo one"), 80, 24)
	term.Expect("one", timeout)
	term.Expect("two", timeout)
	term.Expect("one", timeout) // the second one: the first is behind the mark
	term.Wait(timeout)
}

func TestSttySeesTheStateTheProgramLeft(t *testing.T) {
	term := ptytest.Start(t, exec.Command("sh", "-c", "stty -echo -icanon; echo done"), 80, 24)
	term.Expect("done", timeout)
	term.Wait(timeout)
	stty := term.Stty()
	for _, setting := range []string{"-echo", "-icanon"} {
		if !ptytest.HasSetting(stty, setting) {
			t.Errorf("stty -a lacks %q after the program exited:\n%s", setting, stty)
		}
	}
}

func TestSttyOfAFreshTerminalEchoes(t *testing.T) {
	term := ptytest.Start(t, exec.Command("true"), 80, 24)
	term.Wait(timeout)
	stty := term.Stty()
	for _, setting := range []string{"echo", "icanon", "isig"} {
		if !ptytest.HasSetting(stty, setting) {
			t.Errorf("stty -a lacks %q:\n%s", setting, stty)
		}
	}
}

func TestCleanupKillsAProgramStillRunning(t *testing.T) {
	var term *ptytest.Term
	t.Run("start", func(t *testing.T) {
		term = ptytest.Start(t, exec.Command("sleep", "60"), 80, 24)
	})
	// The subtest's cleanup has run: the program was killed and reaped.
	if code := term.Wait(time.Second); code != -1 {
		t.Errorf("exit code %d, want -1 (killed)", code)
	}
}

func TestExpectTimeoutFailsWithTheOutputTail(t *testing.T) {
	const script = `i=0; while [ $i -lt 300 ]; do printf '\033[1mline %d\033[0m\n' $i; i=$((i+1)); done; echo END; exec sleep 60`
	rec := &recorder{TB: t}
	rec.run(func() {
		term := ptytest.Start(rec, exec.Command("sh", "-c", script), 80, 24)
		term.Expect("END", timeout)
		term.Expect("never", 200*time.Millisecond)
	})
	msg := rec.msg
	if !rec.failed || !strings.Contains(msg, `"never" not seen`) {
		t.Fatalf("Expect failed = %v with %q; want a failure naming the text", rec.failed, msg)
	}
	if !strings.Contains(msg, "line 299\nEND\n") || strings.Contains(msg, "\nline 0\n") || len(msg) > 2200 {
		t.Errorf("failure message is not the last 2 KB of the output:\n%s", msg)
	}
	if strings.Contains(msg, "\x1b") {
		t.Errorf("failure message %q holds escape sequences", msg)
	}
}

// recorder is a testing.TB that records a failure instead of failing the
// test; Fatalf ends the goroutine, as the real one does.
type recorder struct {
	testing.TB
	failed   bool
	msg      string
	cleanups []func()
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// run runs f on its own goroutine, as a test runs, then the cleanups f
// registered, last first.
func (r *recorder) run(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}
