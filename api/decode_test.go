package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// refNames maps the names of the reference types in errors to the
// package's.
var refNames = strings.NewReplacer("refCondition", "Condition", "refExpression", "Expression",
	"refEntityQuery", "EntityQuery", "refRelation", "Relation", "refCompareJSON", "compareJSON")

// describeErr describes err completely enough to tell two decoders apart:
// its type, message and, for encoding/json's errors, offset.
func describeErr(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case err == nil:
		return "<nil>"
	case errors.As(err, &te):
		return fmt.Sprintf("%T %s (offset %d)", err, refNames.Replace(err.Error()), te.Offset)
	case errors.As(err, &se):
		return fmt.Sprintf("%T %s (offset %d)", err, err.Error(), se.Offset)
	}
	return fmt.Sprintf("%T %s", err, err.Error())
}

// decodeBoth decodes doc with decode into a value of the package and with
// decodeRef into one of the reference, and reports any difference in the
// results or errors.
func decodeBoth[T, R any](t *testing.T, how string, doc []byte, decode func(*T) error, decodeRef func(*R) error, conv func(*R) *T) {
	t.Helper()
	var got T
	var want R
	err, refErr := decode(&got), decodeRef(&want)
	if g, w := describeErr(err), describeErr(refErr); g != w {
		t.Fatalf("%s of %s:\n got error %s\nwant error %s", how, doc, g, w)
	}
	if err == nil && !reflect.DeepEqual(&got, conv(&want)) {
		g, _ := json.Marshal(&got)
		w, _ := json.Marshal(conv(&want))
		t.Fatalf("%s of %s:\n got %s\nwant %s", how, doc, g, w)
	}
}

// unmarshalNumbers decodes data as translate does: a json.Decoder with
// UseNumber.
func unmarshalNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// checkSameAsReference decodes doc as a condition and as an expression,
// directly and inside queries, with the decoder and the reference.
func checkSameAsReference(t *testing.T, doc []byte) {
	t.Helper()
	decodeBoth(t, "Condition.UnmarshalJSON", doc,
		func(c *Condition) error { return c.UnmarshalJSON(doc) },
		func(c *refCondition) error { return c.UnmarshalJSON(doc) },
		(*refCondition).conv)
	decodeBoth(t, "json.Unmarshal into a Condition", doc,
		func(c *Condition) error { return json.Unmarshal(doc, c) },
		func(c *refCondition) error { return json.Unmarshal(doc, c) },
		(*refCondition).conv)
	decodeBoth(t, "Expression.UnmarshalJSON", doc,
		func(e *Expression) error { return e.UnmarshalJSON(doc) },
		func(e *refExpression) error { return e.UnmarshalJSON(doc) },
		(*refExpression).conv)
	for _, wrap := range []string{
		`{"typeName": "Task", "where": %s, "fields": ["Name"]}`,
		`{"typeName": "Task", "relations": [{"name": "R", "where": %s}]}`,
		`{"where": {"leftExpression": %s, "operator": "In", "rightExpression": {"values": []}}}`,
	} {
		q := []byte(fmt.Sprintf(wrap, doc))
		decodeBoth(t, "json.Unmarshal into an EntityQuery", q,
			func(eq *EntityQuery) error { return json.Unmarshal(q, eq) },
			func(eq *refEntityQuery) error { return json.Unmarshal(q, eq) },
			(*refEntityQuery).conv)
		decodeBoth(t, "a UseNumber Decoder into an EntityQuery", q,
			func(eq *EntityQuery) error { return unmarshalNumbers(q, eq) },
			func(eq *refEntityQuery) error { return unmarshalNumbers(q, eq) },
			(*refEntityQuery).conv)
	}
}

// referenceCases are documents at the edges of what the decoders accept.
var referenceCases = []string{
	// Every shape.
	`{"and":[{"leftExpression":{"fieldName":"State"},"operator":"In","rightExpression":{"values":["Active",1.50,null,true]}},{"not":{"text":"a = :p","parameters":{"p":85}}}]}`,
	`{"or":[{"leftExpression":{"fieldName":"CreatedBy"},"operator":"In","rightExpression":{"query":{"_type":"entityQuery","typeName":"User","where":{"not":{"leftExpression":{"fieldName":"Name"},"operator":"Equal","rightExpression":{"value":null}}}}}}]}`,
	`{"leftExpression":{"fieldName":"DueDate"},"operator":"Equal","rightExpression":{"_type":"predefinedDateRangeExpression","value":"ThisMonth"}}`,
	`{"leftExpression":{"fieldName":"A"},"operator":"Equal","rightExpression":{"_type":"other","value":{"x":[1,2.50]}}}`,
	`{"leftExpression":{"fieldName":"A"},"operator":"In","rightExpression":{"query":{"typeName":"T","relations":[{"name":"R","where":{"text":"x"},"relations":[{"name":"S","fromLink":true}]}],"paging":{"from":1,"limit":2},"orders":[{"fieldName":"A","order":"Ascending"}]}}}`,
	// Shapes and fields told by keys under folding, last duplicates winning.
	`{"AND":[],"leftExpression":{"FIELDNAME":"a"},"OPERATOR":"Equal","RightExpression":{"value":1}}`,
	`{"_type":"Compare","LeftExpression":{"_type":"FieldExpression","FieldName":"Name"},"Operator":"Equal","RightExpression":{"_type":"ConstantExpression","Value":"x"}}`,
	`{"Or":[{"Text":"a = :p","Parameters":{"p":1}},{"Not":{"LeftExpression":{"FieldName":"A"},"Operator":"In","RightExpression":{"Values":[1,2]}}}]}`,
	`{"leftExpression":{"fieldName":"DueDate"},"operator":"Equal","rightExpression":{"_TYPE":"PredefinedDateRangeExpression","VALUE":"ThisMonth"}}`,
	`{"and":[],"AND":null}`, `{"Text":"x","text":null}`,
	// CZQL text given as a string, alone or as an operand.
	`"State IN ('Active','Draft')"`, ` "a = 1" `, `{"and":["a = 1",{"text":"b = 2"}]}`, `{"not":"a = 1"}`, `""`, `"\u00e9"`,
	// Parameters as an object, null or an empty array.
	`{"text":"a = :p","parameters":[]}`, `{"text":"a","parameters":null}`, `{"text":"a","parameters":[ ]}`,
	`{"and":[],"or":[{"text":"x"}]}`,
	`{"\u0061nd":[{"text":"x"}]}`,
	`{"not":{"text":"a"},"not":{"text":"b"}}`,
	`{"leftExpression":{"fieldName":"a"},"leftExpression":null,"operator":"Equal","rightExpression":{"value":1}}`,
	`{"leftExpression":{"fieldName":"a","fieldName":"b","FieldName":"c"},"operator":"Equal","rightExpression":{"value":1}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"value":1,"values":null}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"query":null}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"query":{"paging":{"from":1},"paging":{"limit":2}}}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"query":{"relations":[{"name":"a","fields":["x"]},{"name":"b"}],"relations":[{"name":"c"}],"relations":[null,{"fromLink":true}]}}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"query":{"relations":[]}}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{"query":{"typeName":"T","where":null}}}`,
	`{"leftExpression":{"fieldName":"fromLin\u212a"},"operator":"Equal","rightExpression":{"query":{"relations":[{"fromLin\u212a":true,"ſtuff":1}]}}}`,
	`{"text":"x","TEXT":"y","parameters":{"a":1},"Parameters":{"b":2}}`,
	`{"text":null}`,
	`{"text":"é\u00e9\ud83d\ude00","parameters":{"\u00e9":[1,{"a":null}]}}`,
	"  {\"text\" : \"spaces\" }\n",
	`{"k\ud800ey":1,"text":"lone surrogate in a key"}`,
	"{\"k\xffey\":1,\"text\":\"invalid UTF-8 in a key\"}",
	// Errors.
	``, `nul`, `{`, `{"and":[}`, `{} x`, `null`, `[]`, `"and"`, `12`, `true`, `{}`,
	`{"and":null}`, `{"and":{}}`, `{"and":"x"}`, `{"and":[null]}`, `{"and":[1]}`, `{"and":["x"]}`, `{"and":[[]]}`,
	`{"and":[null,{"x":1}]}`, `{"and":[{"text":"a"},null,{"text":5}]}`,
	`{"not":null}`, `{"not":[]}`, `{"not":{"not":{"not":5}}}`,
	`{"leftExpression":null}`, `{"leftExpression":{"fieldName":"a"}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{}}`,
	`{"leftExpression":5,"operator":"Equal","rightExpression":{"value":1}}`,
	`{"leftExpression":{"fieldName":"a"},"operator":5,"rightExpression":{"value":1}}`,
	`{"operator":5,"leftExpression":{"fieldName":5},"rightExpression":{"value":1}}`,
	`{"operator":5,"leftExpression":{"fieldName":"a"},"rightExpression":{"values":5}}`,
	`{"operator":"Equal","leftExpression":{"fieldName":"a"},"rightExpression":{"values":{},"fieldName":7}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":5}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":[1]}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"typeName":5,"fields":"x","orders":[{"fieldName":1}],"paging":{"from":"x"}}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"paging":{"from":1e400}}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"relations":5}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"relations":[5,{"name":6}]}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"relations":[{"relations":[{"where":{"text":7}}]}]}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"typeName":5,"where":{"leftExpression":{"fieldName":"b"},"operator":7,"rightExpression":{"value":1}}}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"where":{"and":[{"leftExpression":{"query":{"where":{"not":{"text":[]}}}},"operator":"In","rightExpression":{"value":1}}]}}}}`,
	`{"operator":"In","leftExpression":{"fieldName":"a"},"rightExpression":{"query":{"where":{}}}}`,
	`{"text":5}`, `{"text":"a","parameters":[1]}`, `{"text":"a","parameters":"p"}`, `{"text":"a","parameters":[}`, `{"x":1}`, `"unterminated`, `"a" "b"`,
	"  {\"text\": 5}", " \n{\"leftExpression\":{\"fieldName\":\"a\"},\"operator\":5,\"rightExpression\":{\"value\":1}} ",
	" [1]", "\t{\"leftExpression\":{\"fieldName\":\"a\"},\"operator\":\"In\",\"rightExpression\":{\"values\":{}}}",
}

func TestDecodeMatchesReference(t *testing.T) {
	for _, doc := range referenceCases {
		checkSameAsReference(t, []byte(doc))
	}
}

// TestDecodeMatchesReferenceRandom compares the decoders on random
// documents made of the properties they know, in any case, repeated, null
// or of the wrong type.
func TestDecodeMatchesReferenceRandom(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range n {
		var b strings.Builder
		g := &docGen{r: r, b: &b}
		g.cond(4)
		checkSameAsReference(t, []byte(b.String()))
	}
}

// FuzzDecodeMatchesReference compares the decoders on any bytes.
func FuzzDecodeMatchesReference(f *testing.F) {
	for _, doc := range referenceCases {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkSameAsReference(t, doc)
	})
}

// docGen writes random documents in the shape of conditions.
type docGen struct {
	r *rand.Rand
	b *strings.Builder
}

func (g *docGen) w(s string) { g.b.WriteString(s) }

// key writes a property name: name, sometimes in another case or escaped.
func (g *docGen) key(name string) {
	switch g.r.IntN(12) {
	case 0:
		name = strings.ToUpper(name)
	case 1:
		name = strings.ToUpper(name[:1]) + name[1:]
	case 2:
		name = `\u00` + fmt.Sprintf("%02x", name[0]) + name[1:]
	case 3:
		name = strings.ReplaceAll(strings.ReplaceAll(name, "k", "\u212a"), "s", "ſ")
	}
	g.w(`"` + name + `":`)
	if g.r.IntN(4) == 0 {
		g.w(" ")
	}
}

// object writes an object of the members made by the funcs of props,
// chosen at random, some repeated.
func (g *docGen) object(props map[string]func()) {
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	// Sort for determinism, then pick.
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	g.w("{")
	k := g.r.IntN(len(names) + 2)
	for i := range k {
		if i > 0 {
			g.w(",")
		}
		n := names[g.r.IntN(len(names))]
		g.key(n)
		props[n]()
	}
	g.w("}")
}

// odd writes a value of a random kind.
func (g *docGen) odd() {
	vals := []string{`null`, `1`, `1.50`, `-2e3`, `true`, `"s"`, `"Equal"`, `[]`, `{}`, `[1,"x",null]`, `{"a":1}`, `1e400`}
	g.w(vals[g.r.IntN(len(vals))])
}

func (g *docGen) maybe(f func()) func() {
	return func() {
		if g.r.IntN(5) == 0 {
			g.odd()
			return
		}
		f()
	}
}

func (g *docGen) list(depth int, f func(int)) {
	g.w("[")
	for i := range g.r.IntN(3) {
		if i > 0 {
			g.w(",")
		}
		if g.r.IntN(6) == 0 {
			g.odd()
		} else {
			f(depth)
		}
	}
	g.w("]")
}

func (g *docGen) cond(depth int) {
	if depth <= 0 || g.r.IntN(8) == 0 {
		g.odd()
		return
	}
	d := depth - 1
	g.object(map[string]func(){
		"and":             g.maybe(func() { g.list(d, g.cond) }),
		"or":              g.maybe(func() { g.list(d, g.cond) }),
		"not":             g.maybe(func() { g.cond(d) }),
		"leftExpression":  g.maybe(func() { g.expr(d) }),
		"rightExpression": g.maybe(func() { g.expr(d) }),
		"operator":        g.maybe(func() { g.w(`"Equal"`) }),
		"text":            g.maybe(func() { g.w(`"a = :p"`) }),
		"parameters":      g.maybe(func() { g.w(`{"p":85,"q":[1.50]}`) }),
		"other":           g.odd,
	})
}

func (g *docGen) expr(depth int) {
	if depth <= 0 || g.r.IntN(10) == 0 {
		g.odd()
		return
	}
	d := depth - 1
	g.object(map[string]func(){
		"_type":     g.maybe(func() { g.w(`"predefinedDateRangeExpression"`) }),
		"fieldName": g.maybe(func() { g.w(`"Name"`) }),
		"value":     g.odd,
		"values":    g.maybe(func() { g.w(`[1,"a",null,2.50]`) }),
		"query":     g.maybe(func() { g.query(d) }),
	})
}

func (g *docGen) query(depth int) {
	d := depth - 1
	g.object(map[string]func(){
		"_type":     g.maybe(func() { g.w(`"entityQuery"`) }),
		"typeName":  g.maybe(func() { g.w(`"Task"`) }),
		"fields":    g.maybe(func() { g.w(`["Name","Id"]`) }),
		"where":     g.maybe(func() { g.cond(d) }),
		"orders":    g.maybe(func() { g.w(`[{"fieldName":"Name","order":"Descending"}]`) }),
		"relations": g.maybe(func() { g.list(d, g.relation) }),
		"paging":    g.maybe(func() { g.w(`{"from":1,"limit":10}`) }),
	})
}

func (g *docGen) relation(depth int) {
	d := depth - 1
	g.object(map[string]func(){
		"name":      g.maybe(func() { g.w(`"Resources"`) }),
		"fields":    g.maybe(func() { g.w(`["Name"]`) }),
		"where":     g.maybe(func() { g.cond(d) }),
		"orders":    g.odd,
		"relations": g.maybe(func() { g.list(d, g.relation) }),
		"fromLink":  g.maybe(func() { g.w(`true`) }),
	})
}
