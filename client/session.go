package client

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
)

// sessionFile is what a session file holds. It never holds the password:
// PasswordHash is PBKDF2-HMAC-SHA256 of the password with PasswordSalt,
// so that a session is reused only with the password it was made with.
type sessionFile struct {
	ServerLocation string `json:"serverLocation"`
	SessionID      string `json:"sessionId"`
	PasswordSalt   string `json:"passwordSalt"`
	PasswordHash   string `json:"passwordHash"`
}

// Password hashing of session files: PBKDF2 with SHA-256 makes guessing
// the password from a stolen file slow, at about 30 ms a run.
const (
	hashIterations = 100_000
	saltBytes      = 16
	hashBytes      = 32
	// maxSessionFile caps what is read of a session file.
	maxSessionFile = 64 << 10
)

// sessionName is the session file's name for this host and user: a hash
// of both, so that the name shows neither.
func (c *Client) sessionName() string {
	sum := sha256.Sum256([]byte(strings.ToLower(c.base.Host) + "\n" + c.cfg.User))
	return "session-" + hex.EncodeToString(sum[:16]) + ".json"
}

// loadSession reads the stored session through the private session
// directory (see [openPrivateDir]). ok is false when there is none, when
// the directory or the file is not the user's alone (said through
// Config.Warn), when it does not decode, or when it was made with another
// password.
func (c *Client) loadSession() (sessionFile, bool) {
	var s sessionFile
	if c.cfg.SessionDir == "" {
		return s, false
	}
	dir, err := openPrivateDir(c.cfg.SessionDir, false)
	if err != nil {
		c.sessionProblem(err)
		return s, false
	}
	defer dir.close()
	b, err := dir.readFile(c.sessionName(), maxSessionFile)
	if err != nil {
		c.sessionProblem(err)
		return s, false
	}
	if json.Unmarshal(b, &s) != nil || s.SessionID == "" || s.ServerLocation == "" {
		return sessionFile{}, false
	}
	if _, err := checkURL(s.ServerLocation, c.cfg.AllowInsecure); err != nil {
		return sessionFile{}, false
	}
	if !c.samePassword(s) {
		c.debugf("the stored session was made with another password: logging in")
		return sessionFile{}, false
	}
	return s, true
}

// saveSession stores s, with a hash of the password, atomically and with
// mode 0600, in the private session directory (created 0700 if missing).
func (c *Client) saveSession(s sessionFile) error {
	if c.cfg.SessionDir == "" {
		return nil
	}
	salt, hash, err := hashPassword(c.cfg.Password)
	if err != nil {
		return err
	}
	s.PasswordSalt, s.PasswordHash = salt, hash
	dir, err := openPrivateDir(c.cfg.SessionDir, true)
	if err != nil {
		c.sessionProblem(err)
		return err
	}
	defer dir.close()
	b, _ := json.Marshal(s)
	return dir.writeFile(c.sessionName(), b)
}

// removeSession deletes the session file, if any; a directory that is not
// private is left alone.
func (c *Client) removeSession() error {
	if c.cfg.SessionDir == "" {
		return nil
	}
	dir, err := openPrivateDir(c.cfg.SessionDir, false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		c.sessionProblem(err)
		return err
	}
	defer dir.close()
	return dir.remove(c.sessionName())
}

// sessionProblem reports why a session directory or file is not used,
// unless it merely does not exist.
func (c *Client) sessionProblem(err error) {
	var unsafe *unsafePathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case errors.As(err, &unsafe):
		c.warnf("%v: sessions are not reused or stored there", unsafe)
	default:
		c.debugf("session file: %v", err)
	}
}

// samePassword reports whether s was stored with the client's password.
func (c *Client) samePassword(s sessionFile) bool {
	salt, err1 := base64.StdEncoding.DecodeString(s.PasswordSalt)
	want, err2 := base64.StdEncoding.DecodeString(s.PasswordHash)
	if err1 != nil || err2 != nil || len(salt) != saltBytes || len(want) != hashBytes {
		return false
	}
	got, err := pbkdf2.Key(sha256.New, c.cfg.Password, salt, hashIterations, hashBytes)
	return err == nil && hmac.Equal(got, want)
}

// hashPassword returns a new random salt and the PBKDF2 hash of password
// with it, both in base64.
func hashPassword(password string) (salt, hash string, err error) {
	s := make([]byte, saltBytes)
	rand.Read(s) // never fails
	h, err := pbkdf2.Key(sha256.New, password, s, hashIterations, hashBytes)
	if err != nil {
		return "", "", err
	}
	return base64.StdEncoding.EncodeToString(s), base64.StdEncoding.EncodeToString(h), nil
}

// unsafePathError says why a session directory or file is refused: it is
// not the user's alone.
type unsafePathError struct {
	path   string
	reason string
}

// Error names the path and the reason.
func (e *unsafePathError) Error() string { return e.path + " " + e.reason }
