package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionCommand is `czql version`.
func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print version information",
		usage:   "czql version",
		help: `
Prints the module version, the Go version it was built with, and the VCS
revision and commit time when the build recorded them. The version is the
release for go install ...@latest or @vX.Y.Z; a pseudo-version
(v0.0.0-<commit time>-<commit hash>, +dirty for a tree with changes) for
go build or go install ./cmd/czql in a git clone; and "(devel)" for go run
and for builds without VCS information (-buildvcs=false, no .git
directory).`,
		setup: func(*flagSet) func(*env, []string) int {
			return func(e *env, args []string) int {
				if len(args) > 0 {
					return usageError(e, "version", "takes no arguments")
				}
				info, _ := debug.ReadBuildInfo()
				return writeOut(e, []byte(versionText(info)))
			}
		},
	}
}

// versionText formats the version report from build information, which
// may be nil when the binary carries none.
func versionText(info *debug.BuildInfo) string {
	version, goVersion := "(devel)", runtime.Version()
	var settings []debug.BuildSetting
	if info != nil {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		settings = info.Settings
	}
	var b strings.Builder
	fmt.Fprintf(&b, "czql %s\n", version)
	fmt.Fprintf(&b, "go: %s\n", goVersion)
	writeVCS(&b, settings)
	return b.String()
}

// writeVCS writes the revision, time and modified flag from the build
// settings, when present.
func writeVCS(w io.Writer, settings []debug.BuildSetting) {
	vals := map[string]string{}
	for _, s := range settings {
		vals[s.Key] = s.Value
	}
	rev := vals["vcs.revision"]
	if rev == "" {
		return
	}
	if vals["vcs.modified"] == "true" {
		rev += " (modified)"
	}
	fmt.Fprintf(w, "revision: %s\n", rev)
	if t := vals["vcs.time"]; t != "" {
		fmt.Fprintf(w, "committed: %s\n", t)
	}
}
