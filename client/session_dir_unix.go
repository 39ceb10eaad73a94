//go:build unix

package client

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// privateDir is an open directory that only the user can write: owned by
// the user, not writable by group or others, and not reached through a
// symbolic link. Its files are opened relative to it (openat), never
// through a symbolic link, and checked the same way once open, so that
// what was checked is what is used.
type privateDir struct {
	fd   int
	path string
}

// openPrivateDir opens the directory path, first creating it (mode 0700,
// and its parents) when create is set. A directory that is not private is
// an [*unsafePathError]; one that does not exist wraps fs.ErrNotExist.
func openPrivateDir(path string, create bool) (*privateDir, error) {
	if create {
		if err := os.MkdirAll(path, 0o700); err != nil {
			return nil, err
		}
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkPrivate(fd, path, unix.S_IFDIR); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return &privateDir{fd: fd, path: path}, nil
}

// readFile reads the file name of d, of at most limit bytes, after
// checking that it is the user's alone; a file readable by others is
// made 0600 (through the open file, never by path).
func (d *privateDir) readFile(name string, limit int64) ([]byte, error) {
	path := filepath.Join(d.path, name)
	fd, err := unix.Openat(d.fd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	if err := checkPrivate(fd, path, unix.S_IFREG); err != nil {
		return nil, err
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err == nil && st.Mode&0o077 != 0 {
		if err := unix.Fchmod(fd, 0o600); err != nil {
			return nil, &fs.PathError{Op: "chmod", Path: path, Err: err}
		}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return b, err
}

// writeFile replaces the file name of d with data, mode 0600: written to
// a new temporary file (created exclusively, so never through a link)
// and renamed over name.
func (d *privateDir) writeFile(name string, data []byte) error {
	tmp := tempName()
	fd, err := unix.Openat(d.fd, tmp, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return &fs.PathError{Op: "create", Path: filepath.Join(d.path, tmp), Err: err}
	}
	f := os.NewFile(uintptr(fd), filepath.Join(d.path, tmp))
	err = unix.Fchmod(fd, 0o600) // whatever the umask
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = unix.Renameat(d.fd, tmp, d.fd, name)
	}
	if err != nil {
		unix.Unlinkat(d.fd, tmp, 0)
		return fmt.Errorf("writing %s: %w", filepath.Join(d.path, name), err)
	}
	unix.Fsync(d.fd)
	return nil
}

// remove deletes the file name of d (a link itself, not what it points
// to); a missing file is no error.
func (d *privateDir) remove(name string) error {
	err := unix.Unlinkat(d.fd, name, 0)
	if err != nil && !errors.Is(err, unix.ENOENT) {
		return &fs.PathError{Op: "remove", Path: filepath.Join(d.path, name), Err: err}
	}
	return nil
}

// close closes d.
func (d *privateDir) close() { unix.Close(d.fd) }

// checkPrivate checks the open file fd: of the kind wanted (unix.S_IFDIR
// or unix.S_IFREG), owned by the user and not writable by group or
// others.
func checkPrivate(fd int, path string, kind uint32) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	switch {
	case uint32(st.Mode)&unix.S_IFMT != kind && kind == unix.S_IFDIR:
		return &unsafePathError{path, "is not a directory"}
	case uint32(st.Mode)&unix.S_IFMT != kind:
		return &unsafePathError{path, "is not a regular file"}
	case int(st.Uid) != os.Geteuid():
		return &unsafePathError{path, fmt.Sprintf("is owned by uid %d, not by you (uid %d)", st.Uid, os.Geteuid())}
	case st.Mode&0o022 != 0:
		return &unsafePathError{path, fmt.Sprintf("is writable by others (mode %#o)", st.Mode&0o7777)}
	}
	return nil
}

// openError describes a failed open of path: a symbolic link (or, for
// a directory, something else) is an [*unsafePathError].
func openError(path string, err error) error {
	if errors.Is(err, unix.ELOOP) || errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.EMLINK) {
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return &unsafePathError{path, "is a symbolic link"}
		}
		if errors.Is(err, unix.ENOTDIR) {
			return &unsafePathError{path, "is not a directory"}
		}
	}
	return &fs.PathError{Op: "open", Path: path, Err: err}
}

// tempName is a new random name for a temporary session file.
func tempName() string {
	b := make([]byte, 8)
	rand.Read(b) // never fails
	return ".session-" + hex.EncodeToString(b) + ".tmp"
}
