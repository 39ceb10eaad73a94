package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// relativePath returns the path of the file in came from relative to the
// working directory, with forward slashes, when it lies under it.
func relativePath(in *input) (string, bool) {
	abs, ok := absolutePath(in)
	if !ok {
		return "", false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(wd, filepath.FromSlash(abs))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// absolutePath returns the absolute path of the file in came from, with
// forward slashes; false for standard input and -q.
func absolutePath(in *input) (string, bool) {
	if in.path == "" {
		return "", false
	}
	abs, err := filepath.Abs(in.path)
	if err != nil {
		return "", false
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // C:/x becomes /C:/x, as file URIs want
	}
	return abs, true
}

// escapeURIPath percent-encodes a slash-separated path for a URI.
func escapeURIPath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// displayPath returns the path shown for in in annotations: relative to
// the working directory with forward slashes when possible, else its name.
func displayPath(in *input) string {
	if rel, ok := relativePath(in); ok {
		return rel
	}
	return in.name
}
