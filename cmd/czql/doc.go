// Command czql is the command-line tool of the czql toolkit for CZQL, the
// query language of the Clarizen REST API v2: lint, fmt, translate, parse,
// run, metadata and sandbox. Run `czql help` for usage.
package main
