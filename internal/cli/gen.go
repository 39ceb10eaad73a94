package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/gen"
)

// genFlags are the flags of `czql gen`.
type genFlags struct {
	metadata string
	entities string
	pkg      string
	out      string
	check    bool
}

// genCommand is `czql gen`.
func genCommand() *command {
	return &command{
		name:    "gen",
		summary: "write typed Go code for building queries from metadata",
		usage:   "czql gen --metadata FILE [--entities Task,Project] --package NAME [-o FILE] [--check]",
		help: `
gen writes a Go file for the query builder of package czql: for each
entity of the metadata (describeMetadata JSON or czql's cache; also
CZQL_METADATA), a value named after it whose fields are typed handles
named after its fields, and for each pick list a string type with a
constant per value. A handle's conditions take values of the field's type
(Task.DueDate.Lt(time.Time), Task.Priority.Eq(int),
Task.State.In(TaskStateActive)); a field that is not filterable has none,
and only the handles of sortable fields go to Builder.OrderByField, so
that those mistakes do not compile. A reference has Path("Name") and
Fields() for the handles of its target's fields.

The file is gofmt'ed, in a stable order, and starts with a "Code generated
... DO NOT EDIT." header naming the metadata's host and fetch time (as the
cache records them). --entities limits it to some entities; references to
the others get no typed handles of their target. Without -o the code goes
to standard output.

--check writes nothing: it exits with 1, naming the file, when the file of
-o differs from what gen would write (for CI). In a Go package, use gen
from a go:generate line:

  //go:generate go run github.com/czql/czql/cmd/czql gen --metadata org.json --package clarizen -o clarizen.go

Examples:

  czql gen --metadata org.json --package clarizen -o clarizen/clarizen.go
  czql gen --metadata org.json --entities Task,Project,User --package org
  czql gen --metadata org.json --package clarizen -o clarizen/clarizen.go --check`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &genFlags{}
			fs.StringVar(&f.metadata, "metadata", "", "read the metadata from `FILE` (describeMetadata JSON or cache)")
			fs.StringVar(&f.entities, "entities", "", "generate only these entities (`LIST`, comma-separated)")
			fs.StringVar(&f.pkg, "package", "", "the Go package `NAME` of the file")
			fs.StringVar(&f.out, "o", "", "write the code to `FILE` (default: standard output)")
			fs.BoolVar(&f.check, "check", false, "write nothing; exit with 1 if the file of -o is out of date")
			return func(e *env, args []string) int { return runGen(e, f, args) }
		},
	}
}

// runGen runs `czql gen`.
func runGen(e *env, f *genFlags, args []string) int {
	switch {
	case len(args) > 0:
		return usageError(e, "gen", "unexpected argument "+args[0])
	case f.pkg == "":
		return usageError(e, "gen", "--package NAME is required")
	case f.check && f.out == "":
		return usageError(e, "gen", "--check needs -o FILE")
	}
	path := f.metadata
	if path == "" {
		path = e.lookupEnv("CZQL_METADATA")
	}
	if path == "" {
		return usageError(e, "gen", "no metadata: use --metadata FILE (or CZQL_METADATA)")
	}
	md, code := frontend.LoadMetadataFile(e.stderr, path, "")
	if md == nil {
		return code
	}
	src, err := gen.Generate(md, gen.Options{Package: f.pkg, Entities: entityList(f.entities)})
	if err != nil {
		return usageError(e, "gen", err.Error())
	}
	return writeGenerated(e, f, src)
}

// entityList splits the --entities list; "" means every entity.
func entityList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var names []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// writeGenerated writes src where -o says, or checks that it is there.
func writeGenerated(e *env, f *genFlags, src []byte) int {
	if f.out == "" {
		return writeOut(e, src)
	}
	old, err := os.ReadFile(f.out)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return ioError(e, err)
	}
	switch {
	case f.check && err != nil:
		e.errorf("%s does not exist; run czql gen to write it", f.out)
		return ExitErrors
	case f.check && !bytes.Equal(old, src):
		e.errorf("%s is out of date with the metadata; run czql gen to update it", f.out)
		return ExitErrors
	case f.check || err == nil && bytes.Equal(old, src):
		return ExitOK
	case err == nil:
		err = frontend.RewriteFile(f.out, src)
	default:
		if err = os.MkdirAll(filepath.Dir(f.out), 0o755); err == nil {
			err = frontend.ReplaceFile(f.out, src, 0o644)
		}
	}
	if err != nil {
		return ioError(e, err)
	}
	return ExitOK
}
