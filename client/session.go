package client

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sessionFile is what a session file holds. It never holds the password.
type sessionFile struct {
	ServerLocation string `json:"serverLocation"`
	SessionID      string `json:"sessionId"`
}

// sessionPath is the session file for this host and user, or "" when
// SessionDir is not set. The name is a hash of host and user.
func (c *Client) sessionPath() string {
	if c.cfg.SessionDir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.ToLower(c.base.Host) + "\n" + c.cfg.User))
	return filepath.Join(c.cfg.SessionDir, "session-"+hex.EncodeToString(sum[:16])+".json")
}

// loadSession reads the stored session, tightening its mode to 0600 if
// needed. ok is false when there is no usable file.
func (c *Client) loadSession() (sessionFile, bool) {
	var s sessionFile
	path := c.sessionPath()
	if path == "" {
		return s, false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return s, false
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return s, false
		}
	}
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &s) != nil || s.SessionID == "" || s.ServerLocation == "" {
		return sessionFile{}, false
	}
	if _, err := checkURL(s.ServerLocation, c.cfg.AllowInsecure); err != nil {
		return sessionFile{}, false
	}
	return s, true
}

// saveSession writes the session file atomically with mode 0600.
func (c *Client) saveSession(s sessionFile) error {
	path := c.sessionPath()
	if path == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, _ := json.Marshal(s)
	f, err := os.CreateTemp(filepath.Dir(path), ".session-*") // mode 0600
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// removeSession deletes the session file, if any.
func (c *Client) removeSession() error {
	path := c.sessionPath()
	if path == "" {
		return nil
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
