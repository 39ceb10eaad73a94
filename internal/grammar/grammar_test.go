package grammar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/lexer"
)

// grammarFile is the generated EBNF at the root of the module.
const grammarFile = "../../grammar.ebnf"

// TestEBNF compares EBNF with /grammar.ebnf; -update rewrites the file,
// which is therefore never out of date.
func TestEBNF(t *testing.T) {
	got := EBNF() + "\n"
	if *golden.Update {
		if err := os.WriteFile(grammarFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(grammarFile)
	if err != nil {
		t.Fatalf("%v; run go test ./internal/grammar -run TestEBNF -update", err)
	}
	if d := golden.Diff(string(want), got); d != "" {
		t.Errorf("%s is out of date; run go test ./internal/grammar -run TestEBNF -update (-want +got):\n%s", grammarFile, d)
	}
}

// ebnfConstFile is the parser's copy of the EBNF, which its messages and
// Grammar use without importing this package.
const ebnfConstFile = "../../parser/ebnf.go"

// ebnfConst returns the text of ebnfConstFile.
func ebnfConst() string {
	return "// Code generated from /grammar.ebnf by TestEBNFConst in internal/grammar (go test ./internal/grammar -update); DO NOT EDIT.\n\n" +
		"package parser\n\n" +
		"// ebnf is the EBNF of the grammar of record, as participle prints it.\n" +
		"const ebnf = `" + EBNF() + "`\n"
}

// TestEBNFConst compares the parser's copy of the EBNF with EBNF; -update
// rewrites it.
func TestEBNFConst(t *testing.T) {
	got := ebnfConst()
	if strings.Contains(EBNF(), "`") {
		t.Fatal("the EBNF holds a backquote: it cannot be a raw string literal")
	}
	if *golden.Update {
		if err := os.WriteFile(ebnfConstFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(ebnfConstFile)
	if err != nil {
		t.Fatalf("%v; run go test ./internal/grammar -run TestEBNFConst -update", err)
	}
	if d := golden.Diff(string(want), got); d != "" {
		t.Errorf("%s is out of date; run go test ./internal/grammar -run TestEBNFConst -update (-want +got):\n%s", ebnfConstFile, d)
	}
}

// TestEBNFProductions checks that the EBNF names every production after
// the grammar it describes.
func TestEBNFProductions(t *testing.T) {
	g := EBNF()
	for _, p := range []string{
		"Query", "SelectItem", "Aggregate", "RelationQuery", "FieldRef", "From", "Where",
		"Condition", "AndCondition", "UnaryCondition", "Predicate", "Comparison", "In", "Like",
		"IsNull", "Literal", "GroupBy", "OrderBy", "OrderItem", "Limit", "Offset",
	} {
		if !strings.Contains(g, "\n"+p+" = ") && !strings.HasPrefix(g, p+" = ") {
			t.Errorf("the grammar has no production %s:\n%s", p, g)
		}
	}
}

// TestParseGolden parses the `in.czql` section of the parser's golden
// files (../../parser/testdata/parse) whose only errors, if any, are
// unsupported-code ones (which the grammar accepts), one statement at a
// time, and compares the tree, ranges included, with the `ast` section.
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("../../parser/testdata/parse/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files (%v)", err)
	}
	compared := 0
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src, ok1 := golden.Section(a, "in.czql")
		want, ok2 := golden.Section(a, "ast")
		diags, _ := golden.Section(a, "diag")
		if !ok1 || !ok2 || hasSyntaxErrors(diags) {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			f := parseFile(t, "in.czql", src)
			if d := golden.Diff(want, ast.Sprint(f, true)); d != "" {
				t.Errorf("%s: tree differs from the parser's golden tree (-want +got):\n%s", file, d)
			}
		})
		compared++
	}
	if compared < 30 {
		t.Errorf("only %d golden files compared", compared)
	}
}

// hasSyntaxErrors reports whether a golden diag section holds an error
// that is not an unsupported-code one.
func hasSyntaxErrors(diags string) bool {
	for _, line := range strings.Split(diags, "\n") {
		if strings.Contains(line, " error ") && !strings.Contains(line, " error unsupported: ") {
			return true
		}
	}
	return false
}

// parseFile parses a file of statements as the parser does, with
// ParseQuery on each statement: the text of every other statement is
// blanked (line breaks kept), so that offsets, lines and columns stay those
// of the file.
func parseFile(t *testing.T, name, src string) *ast.File {
	t.Helper()
	res := lexer.Scan(src)
	if res.Diags.HasErrors() {
		t.Fatalf("lexical errors: %v", res.Diags)
	}
	f := &ast.File{Name: name}
	for _, c := range res.Comments {
		f.Comments = append(f.Comments, &ast.Comment{Text: c.Value, Rng: res.Range(c)})
	}
	lo, n := 0, 0 // start of the statement, its tokens
	for _, tok := range res.Tokens {
		if !tok.IsPunct(";") && tok.Kind != lexer.EOF {
			n++
			continue
		}
		if n > 0 {
			q, err := ParseQuery(blankOutside(src, lo, tok.Start))
			if err != nil {
				t.Fatalf("statement at offset %d: %v", lo, err)
			}
			f.Queries = append(f.Queries, q)
		}
		lo, n = tok.End(), 0
	}
	return f
}

// blankOutside returns src with every byte outside [lo, hi) but line
// breaks replaced by a space.
func blankOutside(src string, lo, hi int) string {
	b := []byte(src)
	for i := range b {
		if (i < lo || i >= hi) && b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// TestParseQuery checks trees that show the lowering's choices, printed
// without ranges.
func TestParseQuery(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"SELECT a FROM T WHERE b IS NULL AND c IS NOT NULL OR d != 1;", `
Query
  Select
    FieldRef a
  From
    Ident T
  Where
    Binary OR
      Binary AND
        Compare =
          FieldRef b
          Null
        Compare <>
          FieldRef c
          Null
      Compare <>
        FieldRef d
        Number 1
`},
		// Clauses a relation sub-select may not have, nested sub-selects
		// and aggregates in sub-queries are grammatical.
		{"select count(Id) as n, (SELECT COUNT(x), (SELECT y FROM z) FROM R GROUP BY q ORDER BY q desc LIMIT 1 OFFSET :o) FROM T", `
Query
  Select
    Aggregate COUNT
      FieldRef Id
      Alias n
    Relation
      Query
        Select
          Aggregate COUNT
            FieldRef x
          Relation
            Query
              Select
                FieldRef y
              From
                Ident z
        From
          Ident R
        GroupBy
          FieldRef q
        OrderBy
          OrderItem DESC
            FieldRef q
        Limit
          Number 1
        Offset
          Param :o
  From
    Ident T
`},
		{"SELECT @Select, Manager.From.Name FROM @Where WHERE NOT (a NOT IN (SELECT b FROM C) AND e NOT LIKE 'x%') AND f IN (TRUE, false, null, 2024-01-31, \"q\") -- c\n;", `
Query
  Select
    FieldRef Select
    FieldRef Manager.From.Name
  From
    Ident Where
  Where
    Binary AND
      Not
        Paren
          Binary AND
            In NOT
              FieldRef a
              Query
                Select
                  FieldRef b
                From
                  Ident C
            Like NOT
              FieldRef e
              String "x%"
      In
        FieldRef f
        Bool true
        Bool false
        Null
        Date 2024-01-31
        String "q"
`},
	} {
		q, err := ParseQuery(tc.src)
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if d := golden.Diff(tc.want[1:], ast.Sprint(q, false)); d != "" {
			t.Errorf("%q (-want +got):\n%s", tc.src, d)
		}
	}
}

// TestParseCondition checks a bare condition, and that a ';' is not part
// of one.
func TestParseCondition(t *testing.T) {
	e, err := ParseCondition(`State IN ("Active","Draft") and StartDate>:p`)
	if err != nil {
		t.Fatal(err)
	}
	want := `
Binary AND
  In
    FieldRef State
    String "Active"
    String "Draft"
  Compare >
    FieldRef StartDate
    Param :p
`
	if d := golden.Diff(want[1:], ast.Sprint(e, false)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, src := range []string{"", "a = 1;", "a = ", "SELECT a FROM b", "a = 1 AND", "a = 'x"} {
		if _, err := ParseCondition(src); err == nil {
			t.Errorf("ParseCondition(%q) succeeded", src)
		}
	}
}

// TestParseQueryErrors checks that what the grammar rejects, and lexical
// errors, are errors.
func TestParseQueryErrors(t *testing.T) {
	for _, src := range []string{
		"", ";", "-- only a comment", "SELECT a FROM b;;", "SELECT a FROM b; SELECT c FROM d",
		"SELECT FROM b", "SELECT a FROM", "SELECT a b FROM c", "SELECT a FROM b WHERE",
		"SELECT a FROM b LIMIT 1 OFFSET 2 ORDER BY a", "SELECT a AS x FROM b", "SELECT a FROM b WHERE c = d",
		"SELECT a FROM b WHERE c = 'x", // unterminated string
		"SELECT a FROM b WHERE c = *",  // invalid character
		"SELECT a FROM b WHERE c BETWEEN 1 AND 2",
	} {
		if q, err := ParseQuery(src); err == nil {
			t.Errorf("ParseQuery(%q) succeeded:\n%s", src, ast.Sprint(q, false))
		}
	}
	_, err := ParseQuery("SELECT a FROM b\nWHERE c = *")
	if want := "2:11: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("lexical error %v, want prefix %q", err, want)
	}
}

// TestRecoverError checks that a panic becomes an error.
func TestRecoverError(t *testing.T) {
	f := func() (err error) {
		defer recoverError(&err)
		panic("boom")
	}
	if err := f(); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("error %v", err)
	}
}

// TestReferenceQueries checks that the grammar accepts every query of the
// reference (../../testdata/reference).
func TestReferenceQueries(t *testing.T) {
	files, err := filepath.Glob("../../testdata/reference/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no reference files (%v)", err)
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range a.Files {
			if strings.HasSuffix(s.Name, ".czql") {
				if _, err := ParseQuery(string(s.Data)); err != nil {
					t.Errorf("%s, %s: %v\n%s", file, s.Name, err, s.Data)
				}
			}
		}
	}
}

// TestDefinitionSymbols checks the lexer adapter's symbols: one distinct
// token type per kind, participle's EOF for EOF.
func TestDefinitionSymbols(t *testing.T) {
	syms := definition{}.Symbols()
	seen := map[int]string{}
	for name, k := range lexer.Kinds() {
		typ, ok := syms[name]
		if !ok {
			t.Errorf("no symbol %s", name)
			continue
		}
		if prev, dup := seen[int(typ)]; dup {
			t.Errorf("%s and %s share token type %d", name, prev, typ)
		}
		seen[int(typ)] = name
		if kindOf(typ) != k {
			t.Errorf("%s: kindOf(%d) = %v", name, typ, kindOf(typ))
		}
	}
	if syms["EOF"] != -1 {
		t.Errorf("EOF is %d, want participle's -1", syms["EOF"])
	}
}
