package frontend

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// errInjected is the failure tests inject through failStep.
var errInjected = errors.New("injected failure")

// injectFailure makes the steps of a rewrite named in steps fail until
// the test ends.
func injectFailure(t *testing.T, steps ...string) {
	t.Helper()
	failStep = func(step string) error {
		if slices.Contains(steps, step) {
			return errInjected
		}
		return nil
	}
	t.Cleanup(func() { failStep = nil })
}

// writeTestFile creates the file dir/name holding text with mode perm
// (exactly: the umask does not apply) and returns its path.
func writeTestFile(t *testing.T, dir, name, text string, perm fs.FileMode) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
	return path
}

// linkTestFile gives the file at path a second name, dir/name, and
// returns it; the test is skipped where hard links cannot be made.
func linkTestFile(t *testing.T, path, name string) string {
	t.Helper()
	link := filepath.Join(filepath.Dir(path), name)
	if err := os.Link(path, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	return link
}

// checkText checks that each file in paths holds want.
func checkText(t *testing.T, want string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s holds %q (%v), want %q", filepath.Base(p), got, err, want)
		}
	}
}

// checkEntries checks that dir holds exactly the entries names: no
// temporary or backup file was left behind.
func checkEntries(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// checkNamesTarget checks that err names path (the file being rewritten)
// and no temporary or backup file.
func checkNamesTarget(t *testing.T, err error, path string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, path) {
		t.Errorf("error %q does not name %s", msg, path)
	}
	if strings.Contains(msg, ".tmp-") || strings.Contains(msg, ".bak-") {
		t.Errorf("error %q names a temporary or backup file", msg)
	}
}

// stat returns the file information of path.
func stat(t *testing.T, path string) fs.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// singleLinkIsReplaced reports whether a one-link file in dir takes the
// rename path of RewriteFile: not on a system that labels every file
// with an extended attribute (SELinux), where every file is rewritten in
// place.
func singleLinkIsReplaced(t *testing.T, dir string) bool {
	t.Helper()
	probe := writeTestFile(t, dir, ".probe", "", 0o644)
	defer os.Remove(probe)
	return !hasExtendedAttributes(probe)
}

func TestRewriteFileKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	a := writeTestFile(t, dir, "a.czql", "a much longer old text\n", 0o640)
	b := linkTestFile(t, a, "b.czql")
	before := stat(t, a)
	if err := RewriteFile(a, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	checkText(t, "new\n", a, b)
	after := stat(t, a)
	if !os.SameFile(before, after) || !os.SameFile(after, stat(t, b)) {
		t.Error("the names no longer share one inode")
	}
	if runtime.GOOS != "windows" && after.Mode() != before.Mode() {
		t.Errorf("mode %v, want %v", after.Mode(), before.Mode())
	}
	checkEntries(t, dir, "a.czql", "b.czql")
}

func TestRewriteFileBacksUpWhileWritingInPlace(t *testing.T) {
	dir := t.TempDir()
	a := writeTestFile(t, dir, "a.czql", "old\n", 0o644)
	linkTestFile(t, a, "b.czql")
	var seen bool
	failStep = func(step string) error {
		if step != "write" {
			return nil
		}
		// The new text is in the file; the old one must be in a
		// hidden backup of mode 0600 in the same directory.
		seen = true
		matches, _ := filepath.Glob(filepath.Join(dir, ".a.czql.bak-*"))
		if len(matches) != 1 {
			t.Fatalf("backups while writing: %q, want one", matches)
		}
		checkText(t, "old\n", matches[0])
		checkText(t, "new\n", a)
		if fi := stat(t, matches[0]); runtime.GOOS != "windows" && fi.Mode() != 0o600 {
			t.Errorf("backup mode %v, want 0600", fi.Mode())
		}
		return nil
	}
	t.Cleanup(func() { failStep = nil })
	if err := RewriteFile(a, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if !seen {
		t.Fatal("the new text was not written in place")
	}
	checkEntries(t, dir, "a.czql", "b.czql")
}

func TestRewriteFileHardLinkThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	a := writeTestFile(t, dir, "a.czql", "old\n", 0o644)
	b := linkTestFile(t, a, "b.czql")
	link := filepath.Join(dir, "link.czql")
	if err := os.Symlink("a.czql", link); err != nil {
		t.Fatal(err)
	}
	if err := RewriteFile(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v, %v)", fi, err)
	}
	checkText(t, "new\n", a, b, link)
	checkEntries(t, dir, "a.czql", "b.czql", "link.czql")
}

func TestRewriteFileReplacesASingleLink(t *testing.T) {
	dir := t.TempDir()
	if !singleLinkIsReplaced(t, dir) {
		t.Skip("files here have extended attributes, so all are rewritten in place")
	}
	path := writeTestFile(t, dir, "q.czql", "old\n", 0o640)
	before := stat(t, path)
	if err := RewriteFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	after := stat(t, path)
	if os.SameFile(before, after) {
		t.Error("a one-link file was rewritten in place, not replaced")
	}
	if runtime.GOOS != "windows" && after.Mode() != 0o640 {
		t.Errorf("mode %v, want 0640", after.Mode())
	}
	checkEntries(t, dir, "q.czql")
}

func TestRewriteFileKeepsOwnerAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file away")
	}
	for _, tc := range []struct {
		name  string
		links int
		perm  fs.FileMode
	}{
		{"single", 1, 0o640},
		{"single-setgid", 1, 0o640 | fs.ModeSetgid},
		{"linked", 2, 0o640},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeTestFile(t, dir, "q.czql", "old\n", tc.perm)
			names := []string{"q.czql"}
			if tc.links == 2 {
				linkTestFile(t, path, "r.czql")
				names = append(names, "r.czql")
			}
			if err := os.Chown(path, 1234, 1234); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.perm); err != nil { // chown cleared setgid
				t.Fatal(err)
			}
			if err := RewriteFile(path, []byte("new\n")); err != nil {
				t.Fatal(err)
			}
			checkText(t, "new\n", path)
			fi := stat(t, path)
			if own, ok := ownerOf(fi); !ok || own.uid != 1234 || own.gid != 1234 {
				t.Errorf("owner %+v, want uid and gid 1234", own)
			}
			if fi.Mode() != tc.perm {
				t.Errorf("mode %v, want %v", fi.Mode(), tc.perm)
			}
			checkEntries(t, dir, names...)
		})
	}
}

func TestRewriteFileRefusesReadOnlyFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has only a read-only attribute")
	}
	for _, tc := range []struct {
		name  string
		perm  fs.FileMode
		links int
	}{
		{"0444", 0o444, 1},
		{"0555", 0o555, 1},
		{"group-writable", 0o464, 1},
		{"linked", 0o444, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeTestFile(t, dir, "q.czql", "old\n", tc.perm)
			names := []string{"q.czql"}
			if tc.links == 2 {
				linkTestFile(t, path, "r.czql")
				names = append(names, "r.czql")
			}
			before := stat(t, path)
			err := RewriteFile(path, []byte("new\n"))
			checkNamesTarget(t, err, path)
			want := fmt.Sprintf("cannot rewrite %s: the file is read-only (mode %#o)", path, tc.perm)
			if err.Error() != want {
				t.Errorf("error %q, want %q", err, want)
			}
			checkText(t, "old\n", path)
			after := stat(t, path)
			if !os.SameFile(before, after) || after.Mode() != before.Mode() || !after.ModTime().Equal(before.ModTime()) {
				t.Error("the read-only file was touched")
			}
			checkEntries(t, dir, names...)
		})
	}
}

func TestRewriteFileRefusesADirectory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.czql")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	err := RewriteFile(path, []byte("new\n"))
	checkNamesTarget(t, err, path)
	if !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("error %q, want not a regular file", err)
	}
	checkEntries(t, dir, "d.czql")
}

func TestRewriteFileMissingFileNamesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.czql")
	err := RewriteFile(path, []byte("x"))
	checkNamesTarget(t, err, path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v, want one that is fs.ErrNotExist", err)
	}
}

func TestRewriteFileInjectedFailuresLeaveTheOriginal(t *testing.T) {
	for _, tc := range []struct {
		links int
		step  string
	}{
		{1, "tmp"}, {1, "write"}, {1, "sync"}, {1, "rename"},
		{2, "bak"}, {2, "backup"}, {2, "write"}, {2, "sync"},
	} {
		t.Run(fmt.Sprintf("links=%d/%s", tc.links, tc.step), func(t *testing.T) {
			dir := t.TempDir()
			if tc.links == 1 && !singleLinkIsReplaced(t, dir) {
				t.Skip("files here have extended attributes, so all are rewritten in place")
			}
			const old = "the old text, longer than the new\n"
			path := writeTestFile(t, dir, "q.czql", old, 0o640)
			names := []string{"q.czql"}
			if tc.links == 2 {
				names = append(names, filepath.Base(linkTestFile(t, path, "r.czql")))
			}
			before := stat(t, path)
			injectFailure(t, tc.step)
			err := RewriteFile(path, []byte("new\n"))
			checkNamesTarget(t, err, path)
			if !errors.Is(err, errInjected) {
				t.Errorf("error %v, want the injected one", err)
			}
			for _, n := range names {
				checkText(t, old, filepath.Join(dir, n))
			}
			after := stat(t, path)
			if !os.SameFile(before, after) || after.Mode() != before.Mode() {
				t.Errorf("the file changed: %v, want %v", after.Mode(), before.Mode())
			}
			checkEntries(t, dir, names...)
		})
	}
}

func TestRewriteFileKeepsTheBackupWhenRestoringFails(t *testing.T) {
	dir := t.TempDir()
	path := writeTestFile(t, dir, "q.czql", "old\n", 0o644)
	linkTestFile(t, path, "r.czql")
	injectFailure(t, "write", "restore")
	err := RewriteFile(path, []byte("new\n"))
	if err == nil {
		t.Fatal("no error")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, ".q.czql.bak-*"))
	if len(matches) != 1 {
		t.Fatalf("backups %q, want one kept", matches)
	}
	checkText(t, "old\n", matches[0])
	msg := err.Error()
	if !strings.HasPrefix(msg, "cannot rewrite "+path+": ") || !strings.Contains(msg, "kept in "+matches[0]) {
		t.Errorf("error %q does not name the file and where its original is kept", msg)
	}
}

func TestReplaceFileInjectedFailuresLeaveTheOriginal(t *testing.T) {
	for _, step := range []string{"tmp", "write", "sync", "rename"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := writeTestFile(t, dir, "history", "old\n", 0o600)
			injectFailure(t, step)
			err := ReplaceFile(path, []byte("new\n"), 0o600)
			checkNamesTarget(t, err, path)
			if !errors.Is(err, errInjected) {
				t.Errorf("error %v, want the injected one", err)
			}
			checkText(t, "old\n", path)
			checkEntries(t, dir, "history")
		})
	}
}

func TestReplaceFileKeepsOwnerAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file away")
	}
	dir := t.TempDir()
	path := writeTestFile(t, dir, "history", "old\n", 0o600)
	if err := os.Chown(path, 1234, 1234); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceFile(path, []byte("new\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkText(t, "new\n", path)
	if own, ok := ownerOf(stat(t, path)); !ok || own.uid != 1234 || own.gid != 1234 {
		t.Errorf("owner %+v, want uid and gid 1234", own)
	}
	checkEntries(t, dir, "history")
}
