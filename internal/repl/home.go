package repl

import (
	"os"
	"path/filepath"
	"strings"
)

// expandHome replaces a leading "~" of a file argument, alone or
// followed by a slash, with the user's home directory, as the shell and
// psql do; other paths (and "~user") are returned as they are.
func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, path[1:]), nil
}
