package cli

import (
	"os"
	"path/filepath"
)

// writeFileAtomic replaces the contents of the existing file at path with
// data, keeping its permission bits (see [replaceFile]). A symbolic link is
// followed, so the link stays a link.
func writeFileAtomic(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	return replaceFile(target, data, fi.Mode().Perm())
}

// createFileAtomic writes data to path with permission perm, creating its
// directory (0700) as needed (see [replaceFile]).
func createFileAtomic(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return replaceFile(path, data, perm)
}

// replaceFile writes data to path so that readers see the old contents or
// the new ones, never a part: the data goes to a temporary file in the same
// directory, which is synced, given perm and renamed over path. On failure
// the old file is untouched and the temporary file removed.
func replaceFile(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a directory entry change to disk where the platform
// allows it; failure only weakens durability, so it is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
