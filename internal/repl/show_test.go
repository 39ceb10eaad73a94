package repl

import (
	"bytes"
	"context"
	"testing"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/sandbox"
)

// sandboxSession returns a session on the test sandbox with cfg (its
// client, metadata and writers filled in) and its standard output and
// error.
func sandboxSession(t *testing.T, cfg Config) (s *Session, stdout, stderr *bytes.Buffer) {
	t.Helper()
	env := map[string]string{
		"CZQL_URL": startSandbox(t), "CZQL_USER": sandbox.DemoUser, "CZQL_PASSWORD": sandbox.DemoPassword,
		"XDG_CACHE_HOME": t.TempDir(), "HOME": t.TempDir(),
	}
	stdout, stderr = &bytes.Buffer{}, &bytes.Buffer{}
	conn, code := frontend.Connect(context.Background(), frontend.ConnectOptions{
		Stderr: stderr, Getenv: func(k string) string { return env[k] }, MetadataPath: fixtureMetadataPath,
	})
	if code != frontend.ExitOK {
		t.Fatalf("connecting to the sandbox: code %d\n%s", code, stderr)
	}
	t.Cleanup(conn.Close)
	cfg.Client, cfg.Metadata, cfg.Stdout, cfg.Stderr = conn.Client, conn.Metadata, stdout, stderr
	if cfg.Origin == (frontend.Origin{}) {
		cfg.Origin = conn.Origin()
	}
	if cfg.Calls == nil {
		cfg.Calls = conn.Calls
	}
	return NewSession(cfg), stdout, stderr
}

// resourcesQuery selects the tasks of the small dataset with resources:
// Build has u1, Design u1, u2 and u3; Ship none.
const resourcesQuery = "SELECT Name, (SELECT Name, Email FROM Resources) FROM Task WHERE Name IN ('Build', 'Design', 'Ship') ORDER BY Name;\n"

func TestRelationItemsNestUnderTheirRow(t *testing.T) {
	r := runREPL(t, resourcesQuery)
	check(t, "stdout", r.stdout, `Name    Resources
------  -----------
Build   1 Resources
  Name     Email
  -------  ---------------
  Sam Lee  sam@example.com
Design  3 Resources
  Name                    Email
  ----------------------  ---------------
  Sam Lee                 sam@example.com
  Ana Ruiz                ana@example.com
  =HYPERLINK("http://x")  x@example.com
Ship    0 Resources
`)
	check(t, "stderr", r.stderr, "3 rows\n")
}

func TestRelationItemsFitTheWidth(t *testing.T) {
	r := runREPLEnv(t, map[string]string{"COLUMNS": "24"}, "\\x off\n"+resourcesQuery)
	check(t, "stdout", r.stdout, `Name    Resources
------  -----------
Build   1 Resources
  Name     Email
  -------  -------------
  Sam Lee  sam@example.…
Design  3 Resources
  Name        Email
  ----------  ----------
  Sam Lee     sam@examp…
  Ana Ruiz    ana@examp…
  =HYPERLIN…  x@example…
Ship    0 Resources
`)
}

func TestRelationItemsInVerticalDisplay(t *testing.T) {
	r := runREPL(t, "\\x on\n"+resourcesQuery)
	check(t, "stdout", r.stdout, `-[ RECORD 1 ]
Name               | Build
Resources          | 1 Resources
Resources[1].Name  | Sam Lee
Resources[1].Email | sam@example.com
-[ RECORD 2 ]
Name               | Design
Resources          | 3 Resources
Resources[1].Name  | Sam Lee
Resources[1].Email | sam@example.com
Resources[2].Name  | Ana Ruiz
Resources[2].Email | ana@example.com
Resources[3].Name  | =HYPERLINK("http://x")
Resources[3].Email | x@example.com
-[ RECORD 3 ]
Name               | Ship
Resources          | 0 Resources
`)
}

func TestRelationsStayFlatInOtherFormats(t *testing.T) {
	r := runREPL(t, "\\format csv\n"+resourcesQuery)
	check(t, "stdout", r.stdout, "Name,Resources\r\nBuild,1 Resources\r\nDesign,3 Resources\r\nShip,0 Resources\r\n")
}

// TestExpandedAutoFollowsResizes checks that \x auto measures the table
// against the display width of the moment.
func TestExpandedAutoFollowsResizes(t *testing.T) {
	width := 80
	s, stdout, _ := sandboxSession(t, Config{Width: func() int { return width }})
	ctx := context.Background()
	const query = "SELECT Name, Manager.Name FROM Task WHERE Name = 'Build';"
	s.ExecMeta(ctx, `\x auto`)
	s.ExecStatement(ctx, query)
	width = 18 // the table is 19 wide
	s.ExecStatement(ctx, query)
	width = 19
	s.ExecStatement(ctx, query)
	check(t, "stdout", stdout.String(), `Name   Manager.Name
-----  ------------
Build  Ana Ruiz

-[ RECORD 1 ]
Name         | Build
Manager.Name | Ana Ruiz

Name   Manager.Name
-----  ------------
Build  Ana Ruiz
`)
}

// TestExpandedOffCutsToTheWidth checks that with \x off a table wider
// than the display is cut to it rather than turned vertical.
func TestExpandedOffCutsToTheWidth(t *testing.T) {
	s, stdout, _ := sandboxSession(t, Config{Width: func() int { return 18 }})
	s.ExecMeta(context.Background(), `\x off`)
	s.ExecStatement(context.Background(), "SELECT Name, Manager.Name FROM Task WHERE Name = 'Build';")
	check(t, "stdout", stdout.String(), `Name   Manager.Na…
-----  -----------
Build  Ana Ruiz
`)
}
