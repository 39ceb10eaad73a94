//go:build !unix

package client

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// privateDir is the session directory where the system has no Unix
// owner and mode to check: it must be a directory, not a symbolic link,
// and its files regular files, not links.
type privateDir struct{ path string }

// openPrivateDir checks the directory path, first creating it when
// create is set.
func openPrivateDir(path string, create bool) (*privateDir, error) {
	if create {
		if err := os.MkdirAll(path, 0o700); err != nil {
			return nil, err
		}
	}
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return nil, &unsafePathError{path, "is a symbolic link"}
	case !fi.IsDir():
		return nil, &unsafePathError{path, "is not a directory"}
	}
	return &privateDir{path: path}, nil
}

// readFile reads the regular file name of d, of at most limit bytes.
func (d *privateDir) readFile(name string, limit int64) ([]byte, error) {
	path := filepath.Join(d.path, name)
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &unsafePathError{path, "is not a regular file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return b, err
}

// writeFile replaces the file name of d with data through a new
// temporary file renamed over it.
func (d *privateDir) writeFile(name string, data []byte) error {
	f, err := os.CreateTemp(d.path, ".session-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(d.path, name))
}

// remove deletes the file name of d; a missing file is no error.
func (d *privateDir) remove(name string) error {
	err := os.Remove(filepath.Join(d.path, name))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// close does nothing: no directory is held open.
func (d *privateDir) close() {}
