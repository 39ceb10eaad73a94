package frontend

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// FlagName returns how the flag called name is spelled in help and
// messages, by czql and czql-repl alike: "-q" for a one-letter name,
// "--name" for the others (the flag package accepts both spellings).
func FlagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// FlagError rephrases an error of the flag package, which names every
// flag with a single dash, in the spelling of [FlagName]: "unknown flag
// --nope", "flag --format needs a value". flag.ErrHelp is returned as it
// is.
func FlagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return flag.ErrHelp
	}
	msg := strings.TrimSpace(err.Error())
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Errorf("unknown flag %s", FlagName(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("flag %s needs a value", FlagName(name))
	}
	return errors.New(msg)
}

// WriteFlags writes the flags of fs in alphabetical order, one a line:
// the name as [FlagName] spells it, its argument, and its usage.
func WriteFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		name := FlagName(f.Name)
		if arg != "" {
			name += " " + arg
		}
		fmt.Fprintf(w, "  %-24s %s\n", name, usage)
	})
}
