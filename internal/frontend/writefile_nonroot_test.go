//go:build linux

package frontend

import (
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nonRootUID is the user (and group) TestRewriteFileAsAnotherUser
// runs the non-root tests as.
const nonRootUID = 1234

// nonRootDirEnv names the environment variable that hands the fixtures of
// TestRewriteFileAsAnotherUser to TestRewriteFileNonRootFixtures.
const nonRootDirEnv = "CZQL_TEST_NONROOT_DIR"

// TestRewriteFileAsAnotherUser covers a normal user's path when the
// tests run as root: it prepares files owned by root and by nonRootUID,
// then runs the tests named NonRoot, in a copy of the test binary, as
// nonRootUID, and checks what they left.
func TestRewriteFileAsAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as another user")
	}
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	base, err := os.MkdirTemp("", "czql-nonroot-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	must(t, os.Chmod(base, 0o755))
	bin := filepath.Join(base, "frontend.test")
	copyExecutable(t, bin)

	work := filepath.Join(base, "work")
	must(t, os.Mkdir(work, 0o755))
	must(t, os.Chown(work, nonRootUID, nonRootUID))
	give := func(path string, uid, gid int, perm fs.FileMode) string {
		must(t, os.WriteFile(path, []byte("old\n"), perm))
		must(t, os.Chown(path, uid, gid))
		must(t, os.Chmod(path, perm))
		return path
	}
	others := give(filepath.Join(work, "others.czql"), 0, 0, 0o644)
	shared := give(filepath.Join(work, "shared.czql"), 0, nonRootUID, 0o664)
	sharedLink := filepath.Join(work, "shared-link.czql")
	must(t, os.Link(shared, sharedLink))
	own := give(filepath.Join(work, "own.czql"), nonRootUID, nonRootUID, 0o640)
	locked := filepath.Join(work, "locked")
	must(t, os.Mkdir(locked, 0o755))
	give(filepath.Join(locked, "single.czql"), nonRootUID, nonRootUID, 0o644)
	a := give(filepath.Join(locked, "a.czql"), nonRootUID, nonRootUID, 0o644)
	must(t, os.Link(a, filepath.Join(locked, "b.czql")))
	must(t, os.Chown(locked, nonRootUID, nonRootUID))
	must(t, os.Chmod(locked, 0o555))

	cmd := exec.Command(bin, "-test.run=NonRoot", "-test.v", "-test.count=1")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), nonRootDirEnv+"="+work, "TMPDIR="+os.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nonRootUID, Gid: nonRootUID}}
	out, err := cmd.CombinedOutput()
	t.Logf("as uid %d:\n%s", nonRootUID, out)
	if err != nil {
		t.Fatalf("the non-root tests failed: %v", err)
	}
	for _, name := range []string{"TestRewriteFileNonRootFixtures", "TestRewriteFileNonRootUnwritableDirectory"} {
		if !strings.Contains(string(out), "--- PASS: "+name) {
			t.Errorf("%s did not run and pass as uid %d", name, nonRootUID)
		}
	}

	checkText(t, "old\n", others)
	checkOwner(t, others, 0, 0, 0o644)
	checkText(t, "new\n", shared, sharedLink, own)
	checkOwner(t, shared, 0, nonRootUID, 0o664)
	if !os.SameFile(stat(t, shared), stat(t, sharedLink)) {
		t.Error("shared.czql lost its hard link")
	}
	checkOwner(t, own, nonRootUID, nonRootUID, 0o640)
	checkEntries(t, work, "locked", "others.czql", "own.czql", "shared-link.czql", "shared.czql")
	checkEntries(t, locked, "a.czql", "b.czql", "single.czql")
	must(t, os.Chmod(locked, 0o755)) // for the cleanup
}

// TestRewriteFileNonRootFixtures runs as a normal user on the files
// TestRewriteFileAsAnotherUser prepared.
func TestRewriteFileNonRootFixtures(t *testing.T) {
	work := os.Getenv(nonRootDirEnv)
	if work == "" || os.Geteuid() == 0 {
		t.Skip("run by TestRewriteFileAsAnotherUser")
	}
	// A file the user cannot open for writing is refused, untouched.
	others := filepath.Join(work, "others.czql")
	err := RewriteFile(others, []byte("new\n"))
	checkNamesTarget(t, err, others)
	if want := "cannot rewrite " + others + ": opening it for writing: permission denied"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	checkText(t, "old\n", others)

	// Another user's file the user may write is rewritten in place, so it
	// keeps its owner (the parent test checks it) and its other name.
	shared := filepath.Join(work, "shared.czql")
	if err := RewriteFile(shared, []byte("new\n")); err != nil {
		t.Error(err)
	}
	// The user's own file is replaced with one of the same mode.
	if err := RewriteFile(filepath.Join(work, "own.czql"), []byte("new\n")); err != nil {
		t.Error(err)
	}

	// In a directory the user cannot write, no temporary or backup file
	// can be made: the files are left as they were.
	for _, name := range []string{"single.czql", "a.czql"} {
		path := filepath.Join(work, "locked", name)
		err := RewriteFile(path, []byte("new\n"))
		checkNamesTarget(t, err, path)
		checkText(t, "old\n", path)
	}
}

// checkOwner checks the owner, group and mode of the file at path.
func checkOwner(t *testing.T, path string, uid, gid int, perm fs.FileMode) {
	t.Helper()
	fi := stat(t, path)
	if own, ok := ownerOf(fi); !ok || own.uid != uid || own.gid != gid {
		t.Errorf("%s is owned by %d:%d, want %d:%d", filepath.Base(path), own.uid, own.gid, uid, gid)
	}
	if fi.Mode() != perm {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), fi.Mode(), perm)
	}
}

// copyExecutable copies the running test binary to path, mode 0755.
func copyExecutable(t *testing.T, path string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	in, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	must(t, out.Close())
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
