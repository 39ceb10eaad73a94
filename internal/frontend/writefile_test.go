package frontend

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func TestRewriteFileKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.czql")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := RewriteFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Fatalf("content = %q, %v", got, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only q.czql: %v", len(entries), entries)
	}
}

func TestRewriteFileFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "real.czql")
	link := filepath.Join(dir, "link.czql")
	if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.czql", link); err != nil {
		t.Fatal(err)
	}
	if err := RewriteFile(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced by a regular file (%v, %v)", fi, err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new\n" {
		t.Errorf("target = %q, want new", got)
	}
}

// TestRewriteFileNonRootUnwritableDirectory runs as a normal user
// (TestRewriteFileAsAnotherUser runs it so when the tests run as root).
func TestRewriteFileNonRootUnwritableDirectory(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a directory the user cannot write to")
	}
	for _, links := range []int{1, 2} {
		t.Run(strconv.Itoa(links), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "q.czql")
			if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			names := []string{"q.czql"}
			if links == 2 { // no backup can be made for writing in place
				names = append(names, filepath.Base(linkTestFile(t, path, "r.czql")))
			}
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(dir, 0o755)
			err := RewriteFile(path, []byte("new\n"))
			checkNamesTarget(t, err, path)
			if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("error %v, want permission denied", err)
			}
			checkText(t, "old\n", path)
			checkEntries(t, dir, names...)
		})
	}
}

func TestRewriteFileMissingFile(t *testing.T) {
	if err := RewriteFile(filepath.Join(t.TempDir(), "nope.czql"), []byte("x")); err == nil {
		t.Error("RewriteFile created a file that did not exist")
	}
}
