package repl

import (
	"context"
	"testing"
)

// \x auto is the default: a table wider than the display is shown
// vertically, one that fits as a table.
func TestExpandedAutoIsTheDefault(t *testing.T) {
	s, stdout, _ := sandboxSession(t, Config{Width: func() int { return 18 }})
	s.ExecStatement(context.Background(), "SELECT Name, Manager.Name FROM Task WHERE Name = 'Build';")
	s.ExecStatement(context.Background(), "SELECT Name FROM Task WHERE Name = 'Build';")
	check(t, "stdout", stdout.String(), "-[ RECORD 1 ]\nName         | Build\nManager.Name | Ana Ruiz\n\nName\n-----\nBuild\n")
}
