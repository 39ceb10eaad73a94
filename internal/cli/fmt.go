package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/frontend"
)

// fmtFlags are the flags of `czql fmt`.
type fmtFlags struct {
	write     bool
	diff      bool
	list      bool
	check     bool
	stdinName string
}

// printing reports whether the formatted text itself goes to standard
// output: only when no other mode was asked for, as with gofmt.
func (f *fmtFlags) printing() bool { return !f.write && !f.diff && !f.list && !f.check }

// fmtCommand is `czql fmt`.
func fmtCommand() *command {
	return &command{
		name:    "fmt",
		summary: "format .czql files canonically",
		usage:   "czql fmt [-w | -d | -l | --check] [FILE | DIR | -]...",
		help: `
Without flags, fmt prints the formatted text of each file to standard
output. Directories are searched for *.czql files (hidden ones skipped);
"-" or no argument formats standard input to standard output.

Formatting is idempotent and keeps comments. A file with syntax errors is
never rewritten: its errors are printed and the exit code is 1 (warnings
about the queries themselves are left to parse and translate). -w
rewrites a file like gofmt: it keeps the file's owner, group, mode and
hard links (a file with several links, or whose owner cannot be kept, is
rewritten in place from a hidden backup; another is replaced by an atomic
rename), refuses a read-only file, and never loses the original. -d exits
with 0 like gofmt -d; --check exits with 1 when any file needs formatting.

Examples:

  czql fmt -d queries/
  czql fmt -w report.czql
  echo "select name from task" | czql fmt`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &fmtFlags{}
			fs.BoolVar(&f.write, "w", false, "rewrite files whose formatting differs, in place")
			fs.BoolVar(&f.diff, "d", false, "print a unified diff of the changes")
			fs.BoolVar(&f.list, "l", false, "list files whose formatting differs")
			fs.BoolVar(&f.check, "check", false, "list files whose formatting differs; exit with 1 if any (for CI)")
			declareStdinName(fs, &f.stdinName)
			return func(e *env, args []string) int { return runFmt(e, f, args) }
		},
	}
}

// runFmt formats each argument in turn and returns the worst exit code.
func runFmt(e *env, f *fmtFlags, args []string) int {
	if len(args) == 0 {
		args = []string{"-"}
	}
	if n := count(args, "-"); n > 0 && f.write {
		return usageError(e, "fmt", "cannot use -w with standard input")
	} else if n > 1 {
		return usageError(e, "fmt", `"-" (standard input) given more than once`)
	}
	code, changed := ExitOK, false
	for _, arg := range args {
		if e.ctx.Err() != nil {
			return ExitInterrupted
		}
		c, ch := fmtArg(e, f, arg)
		code, changed = worst(code, c), changed || ch
	}
	if f.check && changed {
		code = worst(code, ExitErrors)
	}
	return code
}

// count returns how many elements of list equal s.
func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// fmtArg formats one command-line argument: standard input, a file or a
// directory tree. It returns the exit code and whether anything needed
// formatting.
func fmtArg(e *env, f *fmtFlags, arg string) (int, bool) {
	if arg == "-" {
		in, code := readStdin(e, "fmt", "", f.stdinName)
		if code != ExitOK {
			return code, false
		}
		return fmtInput(e, f, in)
	}
	isDir, err := isDirectory(arg)
	if err != nil {
		return ioError(e, err), false
	}
	if !isDir {
		return fmtFile(e, f, arg)
	}
	files, code := czqlFiles(e, arg)
	changed := false
	for _, path := range files {
		if e.ctx.Err() != nil {
			return ExitInterrupted, changed
		}
		c, ch := fmtFile(e, f, path)
		code, changed = worst(code, c), changed || ch
	}
	return code, changed
}

// isDirectory opens path and reports whether it is a directory, so that a
// missing file is reported as "open PATH: …" like every other read.
func isDirectory(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	return fi.IsDir(), nil
}

// czqlFiles returns the *.czql files under root, skipping hidden files and
// directories. Unreadable directories are reported and give [ExitUsage].
func czqlFiles(e *env, root string) ([]string, int) {
	var files []string
	code := ExitOK
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			code = worst(code, ioError(e, err))
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case !d.IsDir() && !hidden && strings.HasSuffix(d.Name(), ".czql"):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		code = worst(code, ioError(e, err))
	}
	return files, code
}

// fmtFile formats the file at path.
func fmtFile(e *env, f *fmtFlags, path string) (int, bool) {
	in, code := readFile(e, path)
	if code != ExitOK {
		return code, false
	}
	return fmtInput(e, f, in)
}

// fmtInput formats one input and acts on the result as the flags say.
// Printing the result, or only telling whether it changed, streams it;
// -d and -w need it whole.
func fmtInput(e *env, f *fmtFlags, in *input) (int, bool) {
	if f.printing() || !f.diff && !f.write {
		return fmtStream(e, f, in)
	}
	out, diags := format.Source(in.name, in.text)
	if diags.HasErrors() {
		return frontend.WriteDiags(e.stderr, in.name, in.text, errorsOnly(diags)), false
	}
	changed := !bytes.Equal(out, in.text)
	if f.printing() {
		return writeOut(e, out), changed
	}
	if !changed {
		return ExitOK, false
	}
	if f.list || f.check {
		if code := writeOut(e, []byte(in.name+"\n")); code != ExitOK {
			return code, true
		}
	}
	if f.diff {
		if code := writeOut(e, unifiedDiff("a/"+in.name, "b/"+in.name, in.text, out)); code != ExitOK {
			return code, true
		}
	}
	if f.write && in.path != "" {
		if err := frontend.RewriteFile(in.path, out); err != nil {
			e.errorf("%v", err)
			return ExitUsage, true
		}
	}
	return ExitOK, true
}

// fmtStream formats in as it reads it, printing the result or (-l, -c)
// comparing it with the input, so that no more than a statement's tree
// and a line of output are held.
func fmtStream(e *env, f *fmtFlags, in *input) (int, bool) {
	cmp := &sameAs{text: in.text}
	var w io.Writer = cmp
	if f.printing() {
		w = e.stdout
	}
	diags, err := format.WriteSource(w, in.name, in.text)
	switch {
	case diags.HasErrors():
		return frontend.WriteDiags(e.stderr, in.name, in.text, errorsOnly(diags)), false
	case err != nil:
		e.errorf("writing output: %v", err)
		return ExitUsage, false
	case f.printing():
		return ExitOK, false
	}
	changed := !cmp.same()
	if changed {
		return writeOut(e, []byte(in.name+"\n")), true
	}
	return ExitOK, false
}

// sameAs is a writer that tells whether what is written equals text.
type sameAs struct {
	text    []byte
	n       int // bytes written
	differs bool
}

// Write compares b with the next bytes of text.
func (s *sameAs) Write(b []byte) (int, error) {
	if !s.differs {
		end := s.n + len(b)
		s.differs = end > len(s.text) || !bytes.Equal(s.text[s.n:end], b)
	}
	s.n += len(b)
	return len(b), nil
}

// same reports whether everything written equals text.
func (s *sameAs) same() bool { return !s.differs && s.n == len(s.text) }

// errorsOnly returns the error-severity diagnostics of l: fmt, like gofmt,
// reports what stops it from formatting, not remarks about the query.
func errorsOnly(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}
