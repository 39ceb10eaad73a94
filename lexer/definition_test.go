package lexer

import (
	"bytes"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"
)

// miniQuery is a tiny CZQL grammar, enough to prove that Definition drives
// a participle parser: kinds as symbols, literal keywords, positions.
type miniQuery struct {
	Pos    plexer.Position
	Fields []*miniField `parser:"\"SELECT\" @@ ( \",\" @@ )*"`
	From   string       `parser:"\"FROM\" @(Ident | Keyword)"`
	Where  *miniCond    `parser:"( \"WHERE\" @@ )?"`
	Limit  string       `parser:"( \"LIMIT\" @Number )? \";\"?"`
}

type miniField struct {
	Pos  plexer.Position
	Path []string `parser:"@(Ident | AtIdent | Keyword) ( \".\" @(Ident | AtIdent | Keyword) )*"`
}

type miniCond struct {
	Field string `parser:"@Ident"`
	Op    string `parser:"@Operator"`
	Value string `parser:"@(String | Number | Date | Param)"`
}

var miniParser = participle.MustBuild[miniQuery](
	participle.Lexer(Definition),
	participle.CaseInsensitive("Reserved"),
	participle.CaseInsensitive("Keyword"),
)

func TestDefinitionWithParticiple(t *testing.T) {
	src := "select @Name, Manager.Name -- who\nFROM Task /* all */ where DueDate >= 2024-01-31 limit 5;"
	q, err := miniParser.ParseString("q.czql", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Fields) != 2 || strings.Join(q.Fields[0].Path, ".") != "@Name" ||
		strings.Join(q.Fields[1].Path, ".") != "Manager.Name" {
		t.Errorf("fields = %+v %+v", q.Fields[0], q.Fields[1])
	}
	if p := q.Fields[1].Pos; p.Filename != "q.czql" || p.Offset != 14 || p.Line != 1 || p.Column != 15 {
		t.Errorf("second field at %#v", p)
	}
	if q.From != "Task" || q.Where == nil || q.Where.Field != "DueDate" || q.Where.Op != ">=" ||
		q.Where.Value != "2024-01-31" || q.Limit != "5" {
		t.Errorf("query = %+v where %+v", q, q.Where)
	}

	// The other entry points: io.Reader and bytes.
	if _, err := miniParser.Parse("r", strings.NewReader(src)); err != nil {
		t.Errorf("Parse: %v", err)
	}
	if _, err := miniParser.ParseBytes("b", []byte(src)); err != nil {
		t.Errorf("ParseBytes: %v", err)
	}
}

func TestDefinitionLexicalError(t *testing.T) {
	_, err := miniParser.ParseString("q.czql", "SELECT a FROM t WHERE b = 'x''y' AND\n  c = *")
	var lexErr *Error
	if !errors.As(err, &lexErr) {
		t.Fatalf("error %v (%T) is not a *lexer.Error", err, err)
	}
	if lexErr.Diagnostic.Code != CodeInvalidChar || lexErr.Message() != msgStar {
		t.Errorf("diagnostic = %v", lexErr.Diagnostic)
	}
	if p := lexErr.Position(); p.Filename != "q.czql" || p.Line != 2 || p.Column != 7 || p.Offset != 43 {
		t.Errorf("position = %#v", p)
	}
	if want := "q.czql:2:7: " + msgStar; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	var perr participle.Error
	if !errors.As(err, &perr) {
		t.Errorf("%T does not implement participle.Error", err)
	}
}

func TestDefinitionSkipsTrivia(t *testing.T) {
	lx, err := Definition.(plexer.StringDefinition).LexString("", "a /* c */ -- d\n b")
	if err != nil {
		t.Fatal(err)
	}
	toks, err := plexer.ConsumeAll(lx)
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 3 || toks[0].Value != "a" || toks[1].Value != "b" || toks[2].Type != EOF {
		t.Errorf("tokens = %v", toks)
	}
	// An info diagnostic is not an error.
	lx, _ = Definition.(plexer.BytesDefinition).LexBytes("", []byte(`'it''s'`))
	if toks, err := plexer.ConsumeAll(lx); err != nil || len(toks) != 2 {
		t.Errorf("escaped string: %v, %v", toks, err)
	}
}

func TestDefinitionSymbols(t *testing.T) {
	syms := Definition.Symbols()
	if !maps.Equal(syms, kindNames) {
		t.Errorf("Symbols() = %v", syms)
	}
	syms["Ident"] = 99 // a copy: callers cannot break the table
	if kindNames["Ident"] != Ident {
		t.Error("Symbols returned the package table itself")
	}
}

func TestResultLexer(t *testing.T) {
	r := Scan("q", "SELECT a FROM t -- c\nWHERE x = :p")
	peek, err := plexer.Upgrade(r.Lexer())
	if err != nil {
		t.Fatal(err)
	}
	q, err := miniParser.ParseFromLexer(peek)
	if err != nil {
		t.Fatal(err)
	}
	if q.Where == nil || q.Where.Value != ":p" {
		t.Errorf("query = %+v", q)
	}
	// An empty result still ends in EOF.
	if k, _ := (&Result{}).Lexer().Next(); k.Type != EOF {
		t.Errorf("empty Result lexer gave %v", k)
	}
}

func TestDefinitionReaderError(t *testing.T) {
	if _, err := Definition.Lex("", errReader{}); err == nil {
		t.Error("Lex ignored a read error")
	}
	var buf bytes.Buffer
	buf.WriteString("SELECT a FROM t")
	if _, err := Definition.Lex("", &buf); err != nil {
		t.Error(err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("boom") }
