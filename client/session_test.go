//go:build unix

package client

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// warnings records what a client gives Config.Warn.
type warnings struct {
	mu   sync.Mutex
	msgs []string
}

// warn records msg.
func (w *warnings) warn(msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.msgs = append(w.msgs, msg)
}

// String joins the messages, one a line.
func (w *warnings) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return strings.Join(w.msgs, "\n")
}

// sessionClient returns a client of f storing sessions in dir, with its
// warnings.
func sessionClient(t *testing.T, f *fake, dir string, mod func(*Config)) (*Client, *warnings) {
	t.Helper()
	w := &warnings{}
	c, _, _ := newClient(t, f, func(cfg *Config) {
		cfg.SessionDir, cfg.Warn = dir, w.warn
		if mod != nil {
			mod(cfg)
		}
	})
	return c, w
}

// storeSession logs in once with a client of f so that dir holds a
// session file, and returns its path.
func storeSession(t *testing.T, f *fake, dir string) string {
	t.Helper()
	c, w := sessionClient(t, f, dir, nil)
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w.String() != "" {
		t.Fatalf("warnings: %s", w)
	}
	return filepath.Join(dir, c.sessionName())
}

// loginCount logs in with a client of f on dir and returns how many
// logins the fake server has seen in all, with the client's warnings.
func loginCount(t *testing.T, f *fake, dir string) (int, string) {
	t.Helper()
	c, w := sessionClient(t, f, dir, nil)
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	return f.logins, w.String()
}

func TestSessionDirectoryCreatedPrivate(t *testing.T) {
	f := newFake(t)
	dir := filepath.Join(t.TempDir(), "cache", "czql", "sessions")
	path := storeSession(t, f, dir)
	for p, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, path: 0o600} {
		if fi, err := os.Lstat(p); err != nil || fi.Mode() != want {
			t.Errorf("%s: mode %v (%v), want %v", p, fi.Mode(), err, want)
		}
	}
	if n, warn := loginCount(t, f, dir); n != 1 || warn != "" {
		t.Errorf("%d logins, warnings %q; want the session reused", n, warn)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want the session file only (no temporary file left)", len(entries))
	}
}

// TestSessionDirectoryNotPrivateIsNotUsed checks that a sessions
// directory writable by others, or owned by another user, is neither
// read nor written, and that the user is told why.
func TestSessionDirectoryNotPrivateIsNotUsed(t *testing.T) {
	for _, tc := range []struct {
		name   string
		spoil  func(t *testing.T, dir string) error
		reason string
	}{
		{"writable by others", func(_ *testing.T, dir string) error { return os.Chmod(dir, 0o777) }, "is writable by others (mode 0777)"},
		{"writable by the group", func(_ *testing.T, dir string) error { return os.Chmod(dir, 0o770) }, "is writable by others (mode 0770)"},
		{"another user's", chownOrSkip, "is owned by uid 4321, not by you"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			dir := filepath.Join(t.TempDir(), "sessions")
			path := storeSession(t, f, dir)
			stored, _ := os.ReadFile(path)
			if err := tc.spoil(t, dir); err != nil {
				t.Fatal(err)
			}
			n, warn := loginCount(t, f, dir)
			if n != 2 {
				t.Errorf("%d logins, want 2: the stored session was reused", n)
			}
			if want := dir + " " + tc.reason; !strings.Contains(warn, want) || !strings.Contains(warn, "not reused or stored") {
				t.Errorf("warnings %q, want one saying %q", warn, want)
			}
			if now, _ := os.ReadFile(path); string(now) != string(stored) {
				t.Error("the session file in a directory that is not private was rewritten")
			}
		})
	}
}

// TestSessionDirectoryLinkIsNotFollowed checks that a sessions directory
// that is a symbolic link, even to a private directory, is not used.
func TestSessionDirectoryLinkIsNotFollowed(t *testing.T) {
	f := newFake(t)
	base := t.TempDir()
	real := filepath.Join(base, "real")
	if err := os.Mkdir(real, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "sessions")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	n, warn := loginCount(t, f, link)
	if n != 1 || !strings.Contains(warn, link+" is a symbolic link") {
		t.Errorf("%d logins, warnings %q; want a login and the link named", n, warn)
	}
	if entries, _ := os.ReadDir(real); len(entries) != 0 {
		t.Errorf("a session was written through the link: %v", entries)
	}
}

// TestSessionFileLinkIsNotFollowed checks that a session file that is a
// symbolic link is neither read, nor chmod-ed, nor written through: the
// new session replaces the link, and its target is untouched.
func TestSessionFileLinkIsNotFollowed(t *testing.T) {
	f := newFake(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	path := storeSession(t, f, dir)
	victim := filepath.Join(t.TempDir(), "victim")
	stored, _ := os.ReadFile(path)
	if err := os.WriteFile(victim, stored, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(victim, 0o644)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, path); err != nil {
		t.Fatal(err)
	}
	n, warn := loginCount(t, f, dir)
	if n != 2 || !strings.Contains(warn, path+" is a symbolic link") {
		t.Errorf("%d logins, warnings %q; want a new login and the link named", n, warn)
	}
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o600 {
		t.Errorf("%s after the login: %v (%v), want a regular 0600 file", path, fi.Mode(), err)
	}
	if now, _ := os.ReadFile(victim); string(now) != string(stored) {
		t.Error("the link's target was written")
	}
	if fi, _ := os.Stat(victim); fi.Mode().Perm() != 0o644 {
		t.Errorf("the link's target was chmod-ed to %v", fi.Mode().Perm())
	}
}

// TestSessionFileNotPrivateIsNotReused checks that a session file others
// may write, or another user's, is not reused (and is replaced by the
// new session), while one others may only read is made 0600 and reused.
func TestSessionFileNotPrivateIsNotReused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		spoil  func(t *testing.T, path string) error
		reason string // "" when the file is reused
	}{
		{"readable by others", func(_ *testing.T, p string) error { return os.Chmod(p, 0o644) }, ""},
		{"writable by others", func(_ *testing.T, p string) error { return os.Chmod(p, 0o666) }, "is writable by others (mode 0666)"},
		{"another user's", chownOrSkip, "is owned by uid 4321, not by you"},
		{"not a regular file", func(_ *testing.T, p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Mkdir(p, 0o700)
		}, "is not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			dir := filepath.Join(t.TempDir(), "sessions")
			path := storeSession(t, f, dir)
			if err := tc.spoil(t, path); err != nil {
				t.Fatal(err)
			}
			n, warn := loginCount(t, f, dir)
			if tc.reason == "" {
				if n != 1 || warn != "" {
					t.Errorf("%d logins, warnings %q; want the session reused", n, warn)
				}
			} else if n != 2 || !strings.Contains(warn, path+" "+tc.reason) {
				t.Errorf("%d logins, warnings %q; want a new login and %q", n, warn, tc.reason)
			}
			if fi, err := os.Lstat(path); tc.name != "not a regular file" && (err != nil || fi.Mode().Perm() != 0o600) {
				t.Errorf("session file mode %v (%v), want 0600", fi.Mode(), err)
			}
		})
	}
}

// TestSessionNotReusedWithAnotherPassword checks that a stored session
// is reused only with the password it was made with: another password
// logs in (and fails here), and the right one still reuses the session.
// The file keeps a salted hash, never the password, nor its plain hash.
func TestSessionNotReusedWithAnotherPassword(t *testing.T) {
	f := newFake(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	path := storeSession(t, f, dir)
	wrong, _ := sessionClient(t, f, dir, func(cfg *Config) { cfg.Password = testPassword + "-not" })
	err := wrong.Login(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Code != "LoginFailure" || f.logins != 1 {
		t.Fatalf("another password: err %v after %d logins; want a LoginFailure, the stored session unused", err, f.logins)
	}
	if n, _ := loginCount(t, f, dir); n != 1 {
		t.Errorf("%d logins, want the session still reused with the right password", n)
	}
	b, _ := os.ReadFile(path)
	var s sessionFile
	if err := json.Unmarshal(b, &s); err != nil || s.PasswordSalt == "" || s.PasswordHash == "" {
		t.Fatalf("session file %s: want a salt and a hash", b)
	}
	plain := sha256.Sum256([]byte(testPassword))
	for _, leak := range []string{testPassword, hex.EncodeToString(plain[:]), base64.StdEncoding.EncodeToString(plain[:])} {
		if strings.Contains(string(b), leak) {
			t.Errorf("the session file holds %q", leak)
		}
	}
	// A file without a hash (an older czql's) is not reused either.
	s.PasswordSalt, s.PasswordHash = "", ""
	b, _ = json.Marshal(s)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if n, _ := loginCount(t, f, dir); n != 2 {
		t.Errorf("%d logins, want a file without a password hash not reused", n)
	}
}

// TestWarnOnce checks that a message reaches Config.Warn once per client.
func TestWarnOnce(t *testing.T) {
	f := newFake(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o777)
	c, w := sessionClient(t, f, dir, nil)
	ctx := context.Background()
	if err := c.Login(ctx); err != nil { // reads, then stores: two refusals
		t.Fatal(err)
	}
	c.Logout(ctx)
	if len(w.msgs) != 1 {
		t.Errorf("warnings %q, want one", w.msgs)
	}
}

// chownOrSkip gives path to uid 4321, or skips the test when only root
// could.
func chownOrSkip(t *testing.T, path string) error {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	return os.Chown(path, 4321, 4321)
}
