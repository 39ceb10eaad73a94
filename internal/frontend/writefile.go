package frontend

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// RewriteFile rewrites the existing file at path with data, for
// `czql fmt -w` and `czql lint --fix`. Like gofmt -w, it keeps the file's
// identity and never loses its text:
//
//   - A symbolic link is followed, as gofmt does (it opens the name for
//     writing): the file the link points to is rewritten, in its own
//     directory, and the link stays a link.
//   - A file whose mode gives its owner no write permission is refused and
//     left untouched, even when running as root, which could write it
//     anyway; so is one the process cannot open for writing, and anything
//     but a regular file.
//   - A file with one link and no extended attributes (ACLs, security
//     labels) is replaced atomically, so readers see the old text or the
//     new, never a part: the new text goes to a hidden temporary file in
//     the same directory, which is given the file's owner, group and mode
//     (permission, setuid, setgid and sticky bits), synced and renamed over
//     the file.
//   - Any other file is rewritten in place, so it keeps its inode and every
//     hard link sees the new text: one with several links, one with
//     extended attributes, one owned by another user while not running as
//     root, and one whose owner or group the temporary file could not be
//     given. Its text is first copied to a hidden backup file (mode 0600)
//     in the same directory and synced; then the new text is written over
//     the old, the file cut to its length and synced, and the backup
//     removed. When writing fails, the old text is written back; only if
//     that fails too is the backup kept, and the error says where.
//
// Temporary and backup files are created exclusively (O_EXCL) under
// unique names, so never through a symbolic link, and are removed on
// failure. Errors name path as given, never those files.
func RewriteFile(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return rewriteError(path, "", err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		return rewriteError(path, "", err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("cannot rewrite %s: not a regular file", path)
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("cannot rewrite %s: the file is read-only (mode %#o)", path, fi.Mode().Perm())
	}
	f, err := os.OpenFile(target, os.O_RDWR, 0)
	if err != nil {
		return rewriteError(path, "opening it for writing", err)
	}
	defer f.Close()
	cur, err := f.Stat()
	if err != nil {
		return rewriteError(path, "", err)
	}
	if !os.SameFile(fi, cur) {
		return fmt.Errorf("cannot rewrite %s: it was replaced while being opened", path)
	}
	if done, err := replaceKeepingIdentity(path, target, f, data, cur); done || err != nil {
		return err
	}
	return rewriteInPlace(path, target, f, data, cur)
}

// replaceKeepingIdentity replaces target, open as f and described by fi,
// with a new file holding data and fi's owner, group and mode (see
// [RewriteFile]). It returns false and no error, having changed
// nothing, when the file is to be rewritten in place instead: it has
// several links or extended attributes, or the new file cannot be given
// its owner, group or mode. Errors name path.
func replaceKeepingIdentity(path, target string, f *os.File, data []byte, fi fs.FileInfo) (done bool, err error) {
	own, hasOwner := ownerOf(fi)
	if hasOwner && (own.links > 1 || own.uid != os.Geteuid() && os.Geteuid() != 0) {
		return false, nil
	}
	if hasExtendedAttributes(target) {
		return false, nil
	}
	dir := filepath.Dir(target)
	tmp, err := createHidden(dir, filepath.Base(target), "tmp")
	if err != nil {
		return true, rewriteError(path, "creating a temporary file in its directory", err)
	}
	defer func() {
		if !done || err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := writeText(tmp, data); err != nil {
		return true, rewriteError(path, "", err)
	}
	// Owner first: chown clears the setuid and setgid bits.
	if hasOwner && tmp.Chown(own.uid, own.gid) != nil {
		return false, nil
	}
	if tmp.Chmod(fileMode(fi)) != nil {
		return false, nil
	}
	if err := syncFile(tmp); err != nil {
		return true, rewriteError(path, "", err)
	}
	if err := tmp.Close(); err != nil {
		return true, rewriteError(path, "closing the new file", err)
	}
	if err := fault("rename"); err != nil {
		return true, rewriteError(path, "replacing it", err)
	}
	f.Close() // Windows renames nothing over an open file
	if err := os.Rename(tmp.Name(), target); err != nil {
		return true, rewriteError(path, "replacing it", err)
	}
	syncDir(dir)
	return true, nil
}

// rewriteInPlace writes data over the text of target, open as f and
// described by fi, keeping its inode, behind a backup (see
// [RewriteFile]). Errors name path.
func rewriteInPlace(path, target string, f *os.File, data []byte, fi fs.FileInfo) error {
	orig, err := io.ReadAll(f)
	if err != nil {
		return rewriteError(path, "reading it", err)
	}
	dir := filepath.Dir(target)
	backup, err := writeBackup(dir, filepath.Base(target), orig)
	if err != nil {
		return rewriteError(path, "creating a backup in its directory", err)
	}
	if werr := overwrite(f, data); werr != nil {
		if rerr := restore(f, orig); rerr != nil {
			return fmt.Errorf("cannot rewrite %s: %w; writing its text back failed too (%v): the original is kept in %s",
				path, werr, rerr, backup)
		}
		os.Remove(backup)
		return rewriteError(path, "", werr)
	}
	// Writing may have cleared the setuid and setgid bits.
	if now, err := f.Stat(); err == nil && now.Mode() != fi.Mode() {
		_ = f.Chmod(fileMode(fi))
	}
	os.Remove(backup)
	syncDir(dir)
	return nil
}

// overwrite writes data at the start of f, cuts f to its length and syncs
// it.
func overwrite(f *os.File, data []byte) error {
	if err := writeText(f, data); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return stepError("cutting it to length", err)
	}
	return syncFile(f)
}

// restore writes orig back over what [overwrite] left in f.
func restore(f *os.File, orig []byte) error {
	if _, err := f.WriteAt(orig, 0); err != nil {
		return bareError(err)
	}
	if err := f.Truncate(int64(len(orig))); err != nil {
		return bareError(err)
	}
	if err := f.Sync(); err != nil {
		return bareError(err)
	}
	return fault("restore")
}

// writeBackup writes orig to a new hidden file (mode 0600) in dir named
// after base, syncs it and returns its name. On failure nothing is left.
func writeBackup(dir, base string, orig []byte) (name string, err error) {
	b, err := createHidden(dir, base, "bak")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			b.Close()
			os.Remove(b.Name())
		}
	}()
	if err := b.Chmod(0o600); err != nil {
		return "", err
	}
	if err := fault("backup"); err != nil {
		return "", err
	}
	if _, err := b.Write(orig); err != nil {
		return "", err
	}
	if err := b.Sync(); err != nil {
		return "", err
	}
	if err := b.Close(); err != nil {
		return "", err
	}
	return b.Name(), nil
}

// createHidden creates a new file (mode 0600) in dir named
// ".BASE.KIND-RANDOM". The name is unique and the file opened with
// O_EXCL, so a symbolic link in its place is never followed.
func createHidden(dir, base, kind string) (*os.File, error) {
	if err := fault(kind); err != nil {
		return nil, err
	}
	return os.CreateTemp(dir, "."+base+"."+kind+"-*")
}

// writeText writes data at the start of f.
func writeText(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return stepError("writing the new text", err)
	}
	return stepError("writing the new text", fault("write"))
}

// syncFile flushes f to disk.
func syncFile(f *os.File) error {
	if err := f.Sync(); err != nil {
		return stepError("syncing it", err)
	}
	return stepError("syncing it", fault("sync"))
}

// fileMode returns the bits of fi's mode that chmod sets.
func fileMode(fi fs.FileInfo) fs.FileMode {
	return fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
}

// createFile writes data to path with permission perm, creating its
// directory (0700) as needed (see [ReplaceFile]).
func createFile(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return ReplaceFile(path, data, perm)
}

// ReplaceFile writes data to path so that readers see the old contents or
// the new ones, never a part: the data goes to a temporary file in the same
// directory (created exclusively, so never through a symbolic link), which
// is synced, given perm and renamed over path. A file already at path
// keeps its owner and group where the process may give them to the new
// file (always as root); its other names, if it has hard links, keep the
// old contents, and it is replaced even when read-only (the REPL's
// history may be). On failure the old file is
// untouched and the temporary file removed. Errors name path, never the
// temporary file.
func ReplaceFile(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	old, oldErr := os.Lstat(path)
	tmp, err := createHidden(dir, filepath.Base(path), "tmp")
	if err != nil {
		return replaceError(path, stepError("creating a temporary file in its directory", err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = writeText(tmp, data); err != nil {
		return replaceError(path, err)
	}
	if err = syncFile(tmp); err != nil {
		return replaceError(path, err)
	}
	if oldErr == nil && old.Mode().IsRegular() {
		if own, ok := ownerOf(old); ok {
			_ = tmp.Chown(own.uid, own.gid) // best effort: a user may not give away files
		}
	}
	if err = tmp.Chmod(perm); err != nil {
		return replaceError(path, stepError("setting the mode", err))
	}
	if err = tmp.Close(); err != nil {
		return replaceError(path, stepError("closing the new file", err))
	}
	if err = fault("rename"); err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return replaceError(path, stepError("replacing it", err))
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

// failStep, set only by tests, makes a step of a rewrite fail when it
// returns an error for the step's name: "tmp" and "bak" (creating the
// temporary or backup file), "backup" (writing the backup), "write"
// (after the new text was written), "sync", "rename" and "restore" (after
// the old text was written back).
var failStep func(step string) error

// fault returns the error [failStep] injects into step, if any.
func fault(step string) error {
	if failStep == nil {
		return nil
	}
	return failStep(step)
}

// rewriteError reports that [RewriteFile] could not rewrite path,
// while doing step if it is not empty. The file names in err (which may
// be a temporary or backup file's) are left out.
func rewriteError(path, step string, err error) error {
	if step != "" {
		err = stepError(step, err)
	}
	return fmt.Errorf("cannot rewrite %s: %w", path, bareError(err))
}

// replaceError reports that [ReplaceFile] could not replace path.
func replaceError(path string, err error) error {
	return fmt.Errorf("replacing %s: %w", path, err)
}

// stepError returns err, without the file name it may carry, prefixed
// with the step that failed; nil when err is nil.
func stepError(step string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", step, bareError(err))
}

// bareError returns the error under err's file name when err is a
// [fs.PathError] or [os.LinkError], otherwise err.
func bareError(err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}
