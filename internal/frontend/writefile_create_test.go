package frontend

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCreateFileCreatesAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "czql", "metadata", "h_u.cache")
	if err := createFile(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := createFile(path, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "two" {
		t.Fatalf("contents %q, %v; want two", data, err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %#o, want 0600", fi.Mode().Perm())
	}
	assertOnlyFile(t, filepath.Dir(path), "h_u.cache")
}

func TestCreateFileKeepsTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "target")
	// A non-empty directory at path makes the final rename fail after
	// the new contents were written in full.
	if err := os.MkdirAll(filepath.Join(path, "old"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := createFile(path, []byte("new"), 0o600); err == nil {
		t.Fatal("replacing a non-empty directory succeeded")
	}
	if _, err := os.Stat(filepath.Join(path, "old")); err != nil {
		t.Errorf("old contents gone: %v", err)
	}
	assertOnlyFile(t, dir, "target")
}

// assertOnlyFile checks that dir holds name and nothing else (no
// temporary file left behind).
func assertOnlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %v, want only %s", dir, names, name)
	}
}
