package parser

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/internal/grammar"
	"github.com/czql/czql/lexer"
)

// The differential test checks the parser against the grammar of record
// (package internal/grammar, participle's struct-tag grammar): on every
// statement of the corpora, and on random token mutations of the valid
// ones, the grammar accepts exactly when parseGrammar reports ok, and both
// build the same tree, ranges aside. FuzzDifferential does the same on any
// input.
//
// Every package-level name here starts with diff, to keep out of the
// parser's way.

// diffMutations is the number of token mutations of valid statements, and
// diffConditionMutations that of valid conditions, that the test checks.
const (
	diffMutations          = 3000
	diffConditionMutations = 1000
)

// diffMaxNesting is the nesting depth (parentheses, sub-queries and NOTs
// in a row) past which the parser refuses a statement before parsing it,
// which the grammar has no notion of. Deeper statements are not compared.
const diffMaxNesting = 100

// diffMaxFuzzInput is the size of the largest input FuzzDifferential
// checks, so that it never hangs on a huge one.
const diffMaxFuzzInput = 4 << 10

// diffMaxReported is the number of mismatches reported verbatim.
const diffMaxReported = 25

// diffTimeout is how long the parser may take on one statement or
// condition before the test calls it hung; diffMaxHangs hung calls, which
// keep running, stop the test.
const (
	diffTimeout  = 5 * time.Second
	diffMaxHangs = 3
)

// diffHang starts the message of a hung call.
const diffHang = "the parser hangs"

// diffInput is one input of the corpora.
type diffInput struct {
	name string
	src  string
}

// diffCorpus returns the inputs of the corpora: the .czql sections of the
// reference queries and of the parser's golden files, the seeds of
// FuzzParseFile and the benchmark corpus.
func diffCorpus(tb testing.TB) []diffInput {
	tb.Helper()
	var out []diffInput
	for _, pattern := range []string{"../testdata/reference/*.txtar", "testdata/parse/*.txtar", "testdata/bad/*.txtar"} {
		files := diffGlob(tb, pattern)
		for _, file := range files {
			a, err := txtar.ParseFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			for _, s := range a.Files {
				if strings.HasSuffix(s.Name, ".czql") {
					out = append(out, diffInput{file + ":" + s.Name, string(s.Data)})
				}
			}
		}
	}
	for _, file := range diffGlob(tb, "testdata/fuzz/FuzzParseFile/*") {
		b, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		if src, ok := diffSeedInput(b); ok {
			out = append(out, diffInput{file, string(src)})
		}
	}
	const bench = "testdata/corpus/bench.czql" // written by TestCorpusFile in ../bench
	b, err := os.ReadFile(bench)
	if err != nil {
		tb.Fatalf("%v; run go test -run TestCorpusFile -update in ../bench", err)
	}
	return append(out, diffInput{bench, string(b)})
}

// diffGlob returns the files matching pattern, of which there must be
// some.
func diffGlob(tb testing.TB, pattern string) []string {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no files match %s (err %v)", pattern, err)
	}
	return files
}

// diffSeedInput decodes a fuzz corpus file holding one []byte value.
func diffSeedInput(b []byte) ([]byte, bool) {
	const header = "go test fuzz v1\n"
	if !bytes.HasPrefix(b, []byte(header)) {
		return nil, false
	}
	line := bytes.TrimSpace(b[len(header):])
	lit, ok := bytes.CutPrefix(line, []byte("[]byte("))
	if !ok || !bytes.HasSuffix(lit, []byte(")")) {
		return nil, false
	}
	s, err := strconv.Unquote(string(lit[:len(lit)-1]))
	if err != nil {
		return nil, false
	}
	return []byte(s), true
}

// diffStatements splits src at its ';' tokens and returns the text of each
// statement, without its ';', that has tokens, no lexical error and no
// nesting deeper than diffMaxNesting.
func diffStatements(src string) []string {
	var out []string
	lo, n := 0, 0 // start of the statement, its tokens
	for _, tok := range lexer.Scan(src).Tokens {
		if !tok.IsPunct(";") && tok.Kind != lexer.EOF {
			n++
			continue
		}
		if n > 0 {
			if st := src[lo:tok.Start]; diffComparable(st) {
				out = append(out, st)
			}
		}
		lo, n = tok.End(), 0
	}
	return out
}

// diffComparable reports whether src has no lexical error and no nesting
// deeper than diffMaxNesting, so that the grammar and the parser can be
// compared on it.
func diffComparable(src string) bool {
	res := lexer.Scan(src)
	return !res.Diags.HasErrors() && diffNesting(res.Tokens) <= diffMaxNesting
}

// diffNesting returns the deepest nesting of toks as the parser counts it:
// the parentheses open plus the NOTs written in a row before a condition.
func diffNesting(toks []lexer.Token) int {
	var stack []int // depth at each open '('
	base, nots, deepest := 0, 0, 0
	for _, t := range toks {
		switch {
		case t.IsPunct("("):
			depth := base + nots + 1
			stack = append(stack, depth)
			base, nots = depth, 0
		case t.IsPunct(")"):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			base, nots = 0, 0
			if n := len(stack); n > 0 {
				base = stack[n-1]
			}
		case t.Kind == lexer.Reserved && t.IsWord("NOT"):
			nots++
		default:
			nots = 0
		}
		deepest = max(deepest, base+nots)
	}
	return deepest
}

// diffResult is the outcome of one comparison.
type diffResult struct {
	mismatch string // "" when the grammar and the parser agree
	accepted bool   // both accept
	hung     bool   // the parser did not return
	tree     ast.Node
}

// diffQuery compares the grammar and the parser on one statement.
func diffQuery(src string) diffResult {
	gq, gerr := grammar.ParseQuery(src)
	var g ast.Node
	if gq != nil {
		g = gq
	}
	p, ok, failure := diffCall(func() (ast.Node, bool) {
		q, ok := parseGrammar([]byte(src))
		if q == nil {
			return nil, ok
		}
		return q, ok
	})
	return diffCompare("statement", src, g, gerr, p, ok, failure)
}

// diffCondition compares the grammar and the parser on a bare condition.
func diffCondition(src string) diffResult {
	ge, gerr := grammar.ParseCondition(src)
	p, ok, failure := diffCall(func() (ast.Node, bool) {
		e, ok := parseGrammarCondition([]byte(src))
		if e == nil {
			return nil, ok
		}
		return e, ok
	})
	return diffCompare("condition", src, ge, gerr, p, ok, failure)
}

// diffCall calls f and turns a panic, or a call that does not return
// within diffTimeout, into a failure message. A call that times out is
// left running.
func diffCall(f func() (ast.Node, bool)) (n ast.Node, ok bool, failure string) {
	type result struct {
		n       ast.Node
		ok      bool
		failure string
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{failure: fmt.Sprint("the parser panics: ", r)}
			}
		}()
		n, ok := f()
		done <- result{n: n, ok: ok}
	}()
	timer := time.NewTimer(diffTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.n, r.ok, r.failure
	case <-timer.C:
		return nil, false, fmt.Sprintf("%s: no result after %v (an endless loop?)", diffHang, diffTimeout)
	}
}

// diffCompare compares the grammar's outcome (tree g or error gerr) with
// the parser's (tree p and ok, or a failure: a panic or a hang).
func diffCompare(what, src string, g ast.Node, gerr error, p ast.Node, ok bool, failure string) diffResult {
	switch {
	case failure != "":
		return diffResult{mismatch: fmt.Sprintf("%s %q: %s", what, src, failure), hung: strings.HasPrefix(failure, diffHang)}
	case gerr == nil && !ok:
		return diffResult{mismatch: fmt.Sprintf("%s %q: the grammar accepts it, the parser does not:\n%s", what, src, ast.Sprint(g, false))}
	case gerr != nil && ok:
		tree := "<nil>\n"
		if p != nil {
			tree = ast.Sprint(p, false)
		}
		return diffResult{mismatch: fmt.Sprintf("%s %q: the parser accepts it, the grammar does not (%v):\n%s", what, src, gerr, tree)}
	case gerr != nil:
		return diffResult{}
	case p == nil:
		return diffResult{mismatch: fmt.Sprintf("%s %q: the parser accepts it but returns no tree", what, src)}
	}
	want, got := ast.Sprint(g, false), ast.Sprint(p, false)
	if d := golden.Diff(want, got); d != "" {
		return diffResult{mismatch: fmt.Sprintf("%s %q: the trees differ (-grammar +parser):\n%s", what, src, d)}
	}
	return diffResult{accepted: true, tree: g}
}

// diffVocabulary returns the tokens that replace a token in a mutation:
// every keyword, punctuation mark and operator, and a few names and
// literals.
func diffVocabulary() []string {
	v := lexer.Keywords()
	v = append(v, "select", "From", "where", "and", "Or", "not", "is", "null", "in", "like", "count", "by", "as")
	v = append(v, "(", ")", ",", ".", ";", "=", "<>", "!=", "<", ">", "<=", ">=")
	return append(v, "'x'", `"y%"`, "42", "-1.5", "2024-01-31", "2024-01-31T17:00:00Z", ":p", "Name", "@From", "Manager")
}

// diffTokens returns the text of the tokens of src, EOF excluded.
func diffTokens(src string) []string {
	toks := lexer.Scan(src).Tokens
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind != lexer.EOF {
			out = append(out, t.Value)
		}
	}
	return out
}

// diffMutate returns toks with one random mutation, written with a space
// between tokens: a token deleted, duplicated, swapped with the next one or
// replaced with one of vocab.
func diffMutate(r *rand.Rand, toks, vocab []string) string {
	out := append([]string(nil), toks...)
	i := r.IntN(len(out))
	switch r.IntN(4) {
	case 0:
		out = slices.Delete(out, i, i+1)
	case 1:
		out = slices.Insert(out, i, out[i])
	case 2:
		if i+1 < len(out) {
			out[i], out[i+1] = out[i+1], out[i]
		} else {
			out = slices.Delete(out, i, i+1)
		}
	default:
		out[i] = vocab[r.IntN(len(vocab))]
	}
	return strings.Join(out, " ")
}

// diffReport collects the mismatches of a test and reports the first ones
// verbatim, and every hung call.
type diffReport struct {
	t          *testing.T
	mismatches int
	hangs      int
}

func (r *diffReport) check(res diffResult) diffResult {
	if res.mismatch == "" {
		return res
	}
	r.mismatches++
	if res.hung {
		r.hangs++
		r.t.Error(res.mismatch)
		if r.hangs >= diffMaxHangs {
			r.t.Fatalf("stopped after %d hung calls (%d mismatches so far)", r.hangs, r.mismatches)
		}
	} else if r.mismatches <= diffMaxReported {
		r.t.Error(res.mismatch)
	}
	return res
}

// TestDifferential compares the parser with the grammar of record on the
// statements of the corpora, on their WHERE conditions and on token
// mutations of both.
func TestDifferential(t *testing.T) {
	rep := &diffReport{t: t}
	var validQueries, validConds []string
	statements := 0
	for _, in := range diffCorpus(t) {
		for _, st := range diffStatements(in.src) {
			statements++
			res := rep.check(diffQuery(st))
			rep.check(diffQuery(st + ";"))
			if !res.accepted {
				continue
			}
			validQueries = append(validQueries, st)
			if w := res.tree.(*ast.Query).Where; w != nil {
				r := w.Cond.Range()
				cond := st[r.Start.Offset:r.End.Offset]
				if rep.check(diffCondition(cond)).accepted {
					validConds = append(validConds, cond)
				}
			}
		}
		if diffComparable(in.src) {
			rep.check(diffCondition(in.src))
		}
	}
	if len(validQueries) < 500 || len(validConds) < 300 {
		t.Fatalf("only %d valid statements and %d valid conditions in the corpora", len(validQueries), len(validConds))
	}

	r := rand.New(rand.NewPCG(20240131, 1))
	vocab := diffVocabulary()
	accepted := 0
	for i := range diffMutations {
		if src := diffMutate(r, diffTokens(validQueries[i%len(validQueries)]), vocab); diffComparable(src) {
			if rep.check(diffQuery(src)).accepted {
				accepted++
			}
		}
	}
	for i := range diffConditionMutations {
		if src := diffMutate(r, diffTokens(validConds[i%len(validConds)]), vocab); diffComparable(src) {
			if rep.check(diffCondition(src)).accepted {
				accepted++
			}
		}
	}
	t.Logf("%d statements (%d valid, %d valid conditions), %d mutations (%d valid)",
		statements, len(validQueries), len(validConds), diffMutations+diffConditionMutations, accepted)
	if rep.mismatches > diffMaxReported {
		t.Errorf("%d mismatches in all; the first %d are above", rep.mismatches, diffMaxReported)
	}
}

// FuzzDifferential checks, on any input up to diffMaxFuzzInput bytes, that
// the parser accepts each statement exactly when the grammar of record
// does, with the same tree; and the same for the whole input as a bare
// condition.
func FuzzDifferential(f *testing.F) {
	for _, in := range diffCorpus(f) {
		if len(in.src) <= diffMaxFuzzInput {
			f.Add([]byte(in.src))
			continue
		}
		for _, st := range diffStatements(in.src) {
			if len(st) <= diffMaxFuzzInput {
				f.Add([]byte(st))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > diffMaxFuzzInput {
			return
		}
		for _, st := range diffStatements(string(src)) {
			if res := diffQuery(st); res.mismatch != "" {
				t.Error(res.mismatch)
			}
		}
		if s := string(src); diffComparable(s) {
			if res := diffCondition(s); res.mismatch != "" {
				t.Error(res.mismatch)
			}
		}
	})
}
