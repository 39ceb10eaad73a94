package cli

import "github.com/czql/czql/internal/lsp"

// lspCommand is `czql lsp`.
func lspCommand() *command {
	return &command{
		name:    "lsp",
		summary: "serve the Language Server Protocol on standard input and output",
		usage:   "czql lsp [--stdio]",
		help: `
Lsp is a language server (LSP 3.17) for editors, speaking JSON-RPC on
standard input and output; its log goes to standard error. It shows the
diagnostics czql lint prints for each open file, with the same
configuration, as you type; completes keywords, entities, fields, dot paths,
relations and pick-list values; shows the metadata of a name on hover;
formats files and statements; lists the statements of a file; offers quick
fixes, "ignore CODE for this statement" and the API request of a statement;
and colours the text with semantic tokens.

Where the metadata and configuration come from, first found first:

  1. initializationOptions {"metadata": PATH, "config": PATH}
  2. the client's settings, section "czql" (same keys), when the client
     answers workspace/configuration
  3. the nearest .czql.yaml above the file, and its metadata:
  4. CZQL_METADATA
  5. the cache of 'czql metadata fetch' for CZQL_URL and CZQL_USER (without
     CZQL_URL, the newest cache file, as lint does)

Without metadata it checks the syntax only and says so once. A metadata or
configuration file that changes on disk is read again and every open file
is checked again. Relative paths in the options and settings are relative
to the workspace root.

The server positions in UTF-8 when the client offers it, else UTF-16. It
exits on the exit notification or at the end of its input: with 0 after a
shutdown request, else 1. --stdio is accepted for clients that pass it;
standard input and output are the only transport.`,
		setup: func(fs *flagSet) func(*env, []string) int {
			var stdio bool
			fs.BoolVar(&stdio, "stdio", false, "talk on standard input and output (the default and only transport)")
			return func(e *env, args []string) int {
				if len(args) > 0 {
					return usageError(e, "lsp", "takes no arguments")
				}
				return lsp.Serve(e.ctx, e.stdin, e.stdout, lsp.Options{Getenv: e.lookupEnv, Log: e.stderr, Version: moduleVersion()})
			}
		},
	}
}
