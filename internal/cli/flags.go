package cli

import (
	"flag"
	"io"
	"strings"

	"github.com/czql/czql/internal/frontend"
)

// errHelp is returned by [flagSet.parse] when -h or --help was given.
var errHelp = flag.ErrHelp

// flagSet is a flag.FlagSet that accepts flags anywhere among the
// positional arguments (`czql fmt a.czql -l`) and never prints or exits on
// its own: errors come back from parse.
type flagSet struct {
	*flag.FlagSet
}

// newFlagSet returns an empty, silent flag set for the named command.
func newFlagSet(name string) *flagSet {
	fs := flag.NewFlagSet("czql "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{fs}
}

// parse parses args, which may mix flags and positional arguments, and
// returns the positional ones in order. A lone "-" is positional (standard
// input); everything after "--" is positional.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, cleanFlagError(err)
		}
		rest := fs.Args()
		used := len(args) - len(rest)
		if used > 0 && args[used-1] == "--" && !fs.isValueAt(args, used-1) {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// isValueAt reports whether args[i] was consumed as the value of the flag
// before it (as in `-q --`), rather than being the "--" terminator.
func (fs *flagSet) isValueAt(args []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.TrimLeft(args[i-1], "-")
	if prev == args[i-1] || strings.Contains(prev, "=") {
		return false
	}
	f := fs.Lookup(prev)
	if f == nil {
		return false
	}
	bf, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !bf.IsBoolFlag()
}

// cleanFlagError rephrases the flag package's errors, which name every
// flag with a single dash, in the spelling help uses ("--body", "-q").
func cleanFlagError(err error) error { return frontend.FlagError(err) }

// flagName returns how a flag is shown in help: "-q" for one-letter
// names, "--name" for the others.
func flagName(name string) string { return frontend.FlagName(name) }

// stringList is a repeatable string flag (`-p a=1 -p b=2`).
type stringList []string

// String returns the values joined by commas.
func (s *stringList) String() string { return strings.Join(*s, ",") }

// Set appends v.
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// writeFlags writes the flag list of fs in alphabetical order, one flag a
// line.
func writeFlags(w io.Writer, fs *flagSet) { frontend.WriteFlags(w, fs.FlagSet) }

// flagDef is a declared flag.
type flagDef = flag.Flag
