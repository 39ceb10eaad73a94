package cli

import (
	"fmt"

	"github.com/czql/czql/internal/frontend"
)

// metadataFlags are the flags of `czql metadata`.
type metadataFlags struct {
	entity        string
	passwordStdin bool
	debug         bool
}

// metadataCommand is `czql metadata`.
func metadataCommand() *command {
	return &command{
		name:    "metadata",
		summary: "fetch, show and clear the cached metadata of the organisation",
		usage:   "czql metadata fetch|show|path|clear [--entity NAME] [--password-stdin] [--debug]",
		help: `
The cache holds the organisation's describeMetadata (fields and relations
of every entity) in czql's fast format, one file per API host and user:
USERCACHE/czql/metadata/<host>_<user>.cache. lint and run use it when
neither --metadata nor CZQL_METADATA names a file.

  fetch  download the metadata (from CZQL_URL, or the embedded sandbox
         without it) and replace the cache atomically: a failed fetch keeps
         the last good copy
  show   print the host, fetch time and entity count; with --entity NAME,
         the entity's fields with their types, labels and flags
  path   print the path of the cache file
  clear  remove the cache file`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &metadataFlags{}
			fs.StringVar(&f.entity, "entity", "", "with show, list the fields of entity `NAME`")
			fs.BoolVar(&f.passwordStdin, "password-stdin", false, "with fetch, read the password from standard input")
			fs.BoolVar(&f.debug, "debug", false, "with fetch, print each HTTP request on standard error")
			return func(e *env, args []string) int { return runMetadataCmd(e, f, args) }
		},
	}
}

// metadataActions are the subcommands of `czql metadata`.
var metadataActions = map[string]func(*env, *metadataFlags, string) int{
	"fetch": metadataFetch,
	"show":  metadataShow,
	"path":  metadataPath,
	"clear": metadataClear,
}

// runMetadataCmd dispatches to the action named by args.
func runMetadataCmd(e *env, f *metadataFlags, args []string) int {
	if len(args) != 1 {
		return usageError(e, "metadata", "give one of fetch, show, path, clear")
	}
	act, ok := metadataActions[args[0]]
	if !ok {
		return usageError(e, "metadata", fmt.Sprintf("unknown action %q (want fetch, show, path or clear)", args[0]))
	}
	if f.entity != "" && args[0] != "show" {
		return usageError(e, "metadata", "--entity goes with show")
	}
	path := frontend.MetadataCachePath(e.lookupEnv)
	if path == "" {
		e.errorf("no user cache directory (set HOME or XDG_CACHE_HOME)")
		return ExitUsage
	}
	return act(e, f, path)
}

// metadataPath prints the cache path.
func metadataPath(e *env, _ *metadataFlags, path string) int {
	return writeOut(e, []byte(path+"\n"))
}
