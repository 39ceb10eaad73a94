package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of JSON objects and arrays that a request
// may have. It is the limit of encoding/json, which rejects a deeper
// document with a *json.SyntaxError, "invalid character '{' exceeded max
// depth" (or '['), before any UnmarshalJSON method runs;
// [Condition.UnmarshalJSON] and [Expression.UnmarshalJSON], given such a
// document directly, return the same error.
const MaxDepth = 10000

// The decoding of conditions and expressions
//
// A condition can nest conditions, expressions and queries to any depth, and
// its shape is told by its keys, wherever they come in the object. The
// decoder reads the document once into a tree of values (jvalue), then
// walks the tree, so that each byte is read a bounded number of times: a
// decoder that calls json.Unmarshal again at each level reads the rest of
// the document once per level, which is quadratic.
//
// The walk does what the former decoder did with one json.Unmarshal per
// level, with the same results and the same errors: values that hold no
// condition (strings, parameters, orders, paging…) are still decoded by
// encoding/json, and its type errors are given the context (struct name,
// field path and offset) that encoding/json would have given them.

// The errors of the shapes that encoding/json accepts but the API does not.
var (
	errNoCondition  = errors.New("api: condition has none of and, or, not, leftExpression, text")
	errNoExpression = errors.New("api: expression has none of fieldName, value, values, query")
	errNullOperand  = errors.New("api: null operand in and/or condition")
	errCompare      = errors.New("api: compare condition needs leftExpression, operator and rightExpression")
)

// jvalue is a JSON value of a valid document: its text and, for an object
// or an array, its members.
type jvalue struct {
	raw  []byte   // the value's text, without the white space around it
	off  int      // where raw starts in the document
	keys []string // an object's member names, unescaped, in order
	kids []jvalue // an object's member values (parallel to keys) or an array's elements
}

// isObject, isArray and isNull tell the kind of v.
func (v *jvalue) isObject() bool { return v.raw[0] == '{' }
func (v *jvalue) isArray() bool  { return v.raw[0] == '[' }
func (v *jvalue) isNull() bool   { return v.raw[0] == 'n' }
func (v *jvalue) isString() bool { return v.raw[0] == '"' }

// member returns the last member of object v whose name is key under case
// folding (the one encoding/json would decode into a field named key) and
// whether there is one.
func (v *jvalue) member(key string) (*jvalue, bool) {
	for i := len(v.keys) - 1; i >= 0; i-- {
		if fieldIs(v.keys[i], key) {
			return &v.kids[i], true
		}
	}
	return nil, false
}

// has reports whether object v has a member named key under case folding.
func (v *jvalue) has(key string) bool {
	_, ok := v.member(key)
	return ok
}

// parseDocument reads data, a JSON document, into a tree. Invalid JSON,
// including a document nested deeper than MaxDepth, gets the error that
// json.Unmarshal gives.
func parseDocument(data []byte) (jvalue, error) {
	if !json.Valid(data) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return jvalue{}, err
		}
		return jvalue{}, errors.New("api: invalid JSON")
	}
	p := jparser{data: data}
	return p.value()
}

// jparser reads a valid JSON document into jvalues.
type jparser struct {
	data  []byte
	pos   int
	depth int
	keys  []string // the keys of the members being read (""s for array elements)
	kids  []jvalue // the members being read, of every open object and array
}

// errTooDeep is reported for a document nested deeper than MaxDepth that
// encoding/json let through (it does not, but the parser's recursion must
// not depend on that).
var errTooDeep = fmt.Errorf("api: request nested deeper than %d levels", MaxDepth)

// value reads the value at p.pos and what follows it up to the next token.
func (p *jparser) value() (jvalue, error) {
	p.space()
	v := jvalue{off: p.pos}
	switch p.data[p.pos] {
	case '{':
		if err := p.object(&v); err != nil {
			return v, err
		}
	case '[':
		if err := p.array(&v); err != nil {
			return v, err
		}
	case '"':
		p.str()
	default: // number, true, false, null
		for p.pos < len(p.data) && !isDelim(p.data[p.pos]) {
			p.pos++
		}
	}
	v.raw = p.data[v.off:p.pos]
	p.space()
	return v, nil
}

// object reads an object's members into v.
func (p *jparser) object(v *jvalue) error {
	if p.depth++; p.depth > MaxDepth {
		return errTooDeep
	}
	p.pos++ // {
	p.space()
	mark := len(p.kids)
	for p.data[p.pos] != '}' {
		start := p.pos
		p.str()
		key := unquoteKey(p.data[start:p.pos])
		p.space()
		p.pos++ // :
		kid, err := p.value()
		if err != nil {
			return err
		}
		p.keys = append(p.keys, key)
		p.kids = append(p.kids, kid)
		if p.data[p.pos] == ',' {
			p.pos++
			p.space()
		}
	}
	p.pos++ // }
	p.depth--
	v.keys, v.kids = p.take(mark)
	return nil
}

// take returns the keys and kids from mark on, in slices of their own, and
// removes them from the parser's stacks. Members are gathered on stacks
// shared by the whole document, so that each object and array allocates
// its members once, at their exact number.
func (p *jparser) take(mark int) ([]string, []jvalue) {
	var keys []string
	if len(p.keys) > mark {
		keys = make([]string, len(p.keys)-mark)
		copy(keys, p.keys[mark:])
		clear(p.keys[mark:])
		p.keys = p.keys[:mark]
	}
	var kids []jvalue
	if len(p.kids) > mark {
		kids = make([]jvalue, len(p.kids)-mark)
		copy(kids, p.kids[mark:])
		clear(p.kids[mark:])
		p.kids = p.kids[:mark]
	}
	return keys, kids
}

// array reads an array's elements into v.
func (p *jparser) array(v *jvalue) error {
	if p.depth++; p.depth > MaxDepth {
		return errTooDeep
	}
	p.pos++ // [
	p.space()
	mark := len(p.kids)
	for p.data[p.pos] != ']' {
		kid, err := p.value()
		if err != nil {
			return err
		}
		p.keys = append(p.keys, "")
		p.kids = append(p.kids, kid)
		if p.data[p.pos] == ',' {
			p.pos++
		}
	}
	p.pos++ // ]
	p.depth--
	_, v.kids = p.take(mark)
	return nil
}

// str skips the string at p.pos.
func (p *jparser) str() {
	i := p.pos + 1
	for {
		j := bytes.IndexAny(p.data[i:], `"\`)
		i += j
		if p.data[i] == '"' {
			p.pos = i + 1
			return
		}
		i += 2 // a backslash and the byte it escapes
	}
}

// space skips white space.
func (p *jparser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// isDelim reports whether c ends a number or a literal.
func isDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// unquoteKey returns the text of the JSON string s as encoding/json
// unquotes a key.
func unquoteKey(s []byte) string {
	plain := true
	for _, c := range s[1 : len(s)-1] {
		if c == '\\' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(s[1 : len(s)-1])
	}
	var k string
	_ = json.Unmarshal(s, &k) // s is a valid string
	return k
}

// fieldIs reports whether the JSON key names the struct field whose JSON
// name is name, as encoding/json matches them: exactly or, failing that,
// under Unicode case folding.
func fieldIs(key, name string) bool {
	return key == name || strings.EqualFold(key, name)
}

// session stands for one json.Unmarshal call of the former decoder, which
// decoded a struct (and the structs inside it) in one go: encoding/json
// reports the first type error met at the end, unless an UnmarshalJSON
// method fails first, and gives type errors the path of struct fields
// from the start of the call.
type session struct {
	base  int      // where the call's data starts in the document
	saved error    // the first type error
	path  []string // JSON names of the struct fields being decoded
}

// leaf decodes v, which holds no condition, into dst with encoding/json, as
// the field named field of the struct called structName. A type error is
// saved with the context the former decoder's single call gave it.
func (s *session) leaf(v *jvalue, structName, field string, dst any, useNumber bool) {
	var err error
	if useNumber {
		err = decodeNumbers(v.raw, dst)
	} else {
		err = json.Unmarshal(v.raw, dst)
	}
	if err == nil || s.saved != nil {
		return
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		te.Offset += int64(v.off - s.base)
		path := append(s.path[:len(s.path):len(s.path)], field)
		if te.Field != "" { // inside a struct of the value: that struct is the innermost
			path = append(path, te.Field)
		} else {
			te.Struct = structName
		}
		te.Field = strings.Join(path, ".")
	}
	s.saved = err
}

// pathError is a type error on its way out of nested UnmarshalJSON calls.
// encoding/json prefixes the field path of each enclosing call to the
// error's Field as it leaves that call; the prefixes are gathered here and
// joined once, when the error leaves the decoder (see finish), which keeps
// a deep error linear.
type pathError struct {
	te    *json.UnmarshalTypeError
	outer []string // the paths of the enclosing calls, innermost first, each reversed
}

func (e *pathError) Error() string { return e.te.Error() }

// enclose returns err as it leaves an UnmarshalJSON method called for the
// field named field of the struct called structName, inside session s:
// encoding/json sets a type error's Struct to structName and puts the path
// of the field before its Field.
func (s *session) enclose(err error, structName, field string) error {
	pe, ok := err.(*pathError)
	if !ok {
		te, isType := err.(*json.UnmarshalTypeError)
		if !isType {
			return err
		}
		pe = &pathError{te: te}
	}
	pe.te.Struct = structName
	pe.outer = append(pe.outer, field)
	for i := len(s.path) - 1; i >= 0; i-- {
		pe.outer = append(pe.outer, s.path[i])
	}
	return pe
}

// finish returns the error that leaves the decoder: a pathError becomes the
// type error it stands for.
func finish(err error) error {
	pe, ok := err.(*pathError)
	if !ok {
		return err
	}
	path := make([]string, 0, len(pe.outer)+1)
	for i := len(pe.outer) - 1; i >= 0; i-- {
		path = append(path, pe.outer[i])
	}
	if pe.te.Field != "" {
		path = append(path, pe.te.Field)
	}
	pe.te.Field = strings.Join(path, ".")
	return pe.te
}

// condition decodes v into c as Condition.UnmarshalJSON(data) does, data
// being v's text with, at the top, the white space around it; base is where
// data starts in the document.
func condition(c *Condition, v *jvalue, data []byte, base int) error {
	if v.isString() { // CZQL text, as a public JavaScript client sends where
		*c = Condition{Kind: CZQLCondition}
		return json.Unmarshal(v.raw, &c.Text)
	}
	if !v.isObject() {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return err
		}
		*c = Condition{} // null
		return errNoCondition
	}
	*c = Condition{}
	if ops, ok := v.member("and"); ok {
		c.Kind = AndCondition
		return operands(ops, &c.Operands)
	}
	if ops, ok := v.member("or"); ok {
		c.Kind = OrCondition
		return operands(ops, &c.Operands)
	}
	if n, ok := v.member("not"); ok {
		c.Kind = NotCondition
		c.Negated = new(Condition)
		return condition(c.Negated, n, n.raw, n.off)
	}
	if v.has("leftExpression") {
		return compare(c, v, base)
	}
	if v.has("text") {
		var zj czqlJSON
		if err := decodeNumbers(data, &zj); err != nil {
			return err
		}
		c.Kind, c.Text, c.Parameters = CZQLCondition, zj.Text, zj.Parameters
		return nil
	}
	return errNoCondition
}

// operands decodes the operands of an and or an or, as
// json.Unmarshal(data, &[]*Condition{}) does, then rejects null ones.
func operands(v *jvalue, out *[]*Condition) error {
	if !v.isArray() {
		return json.Unmarshal(v.raw, out) // null, or a type error
	}
	ops := make([]*Condition, len(v.kids))
	for i := range v.kids {
		k := &v.kids[i]
		if k.isNull() {
			continue
		}
		ops[i] = new(Condition)
		if err := condition(ops[i], k, k.raw, k.off); err != nil {
			*out = ops[:i+1]
			return err
		}
	}
	*out = ops
	for _, op := range ops {
		if op == nil {
			return errNullOperand
		}
	}
	return nil
}

// compare decodes compare condition v into c as json.Unmarshal into a
// compareJSON does.
func compare(c *Condition, v *jvalue, base int) error {
	const structName = "compareJSON"
	s := &session{base: base}
	var cj compareJSON
	for i, key := range v.keys {
		k := &v.kids[i]
		var err error
		switch {
		case fieldIs(key, "leftExpression"):
			err = s.expression(&cj.Left, k, structName, "leftExpression")
		case fieldIs(key, "operator"):
			s.leaf(k, structName, "operator", &cj.Operator, false)
		case fieldIs(key, "rightExpression"):
			err = s.expression(&cj.Right, k, structName, "rightExpression")
		}
		if err != nil {
			return err
		}
	}
	if s.saved != nil {
		return s.saved
	}
	if cj.Left == nil || cj.Right == nil || cj.Operator == "" {
		return errCompare
	}
	c.Kind, c.Left, c.Operator, c.Right = CompareCond, cj.Left, cj.Operator, cj.Right
	return nil
}

// expression decodes the *Expression field named field of struct
// structName from v, calling the equivalent of its UnmarshalJSON.
func (s *session) expression(dst **Expression, v *jvalue, structName, field string) error {
	if v.isNull() {
		*dst = nil
		return nil
	}
	if *dst == nil {
		*dst = new(Expression)
	}
	if err := expression(*dst, v, v.raw, v.off); err != nil {
		return s.enclose(err, structName, field)
	}
	return nil
}

// condition decodes the *Condition field named field of struct structName
// from v, calling the equivalent of its UnmarshalJSON.
func (s *session) condition(dst **Condition, v *jvalue, structName, field string) error {
	if v.isNull() {
		*dst = nil
		return nil
	}
	if *dst == nil {
		*dst = new(Condition)
	}
	if err := condition(*dst, v, v.raw, v.off); err != nil {
		return s.enclose(err, structName, field)
	}
	return nil
}

// rawExpression has every property of every expression shape.
type rawExpression struct {
	Type      string
	FieldName string
	Value     any
	Values    []any
	Query     *EntityQuery
}

// expression decodes v into e as Expression.UnmarshalJSON(data) does (see
// condition for data and base).
func expression(e *Expression, v *jvalue, data []byte, base int) error {
	if !v.isObject() {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return err
		}
		*e = Expression{} // null
		return errNoExpression
	}
	*e = Expression{}
	// The former decoder decoded every property into an anonymous struct,
	// whose name is "".
	s := &session{base: base}
	var raw rawExpression
	for i, key := range v.keys {
		k := &v.kids[i]
		switch {
		case fieldIs(key, "_type"):
			s.leaf(k, "", "_type", &raw.Type, false)
		case fieldIs(key, "fieldName"):
			s.leaf(k, "", "fieldName", &raw.FieldName, false)
		case fieldIs(key, "value"):
			s.leaf(k, "", "value", &raw.Value, true)
		case fieldIs(key, "values"):
			s.leaf(k, "", "values", &raw.Values, true)
		case fieldIs(key, "query"):
			if err := s.queryField(&raw.Query, k, "", "query"); err != nil {
				return err
			}
		}
	}
	if s.saved != nil {
		return s.saved
	}
	switch {
	case v.has("fieldName"):
		e.Kind, e.FieldName = FieldExpr, raw.FieldName
	case v.has("values"):
		e.Kind, e.Values = ConstantListExpr, raw.Values
	case v.has("query"):
		e.Kind, e.Query = QueryExpr, raw.Query
	case v.has("value") && strings.EqualFold(raw.Type, "predefinedDateRangeExpression"):
		e.Kind, e.Value = DateRangeExpr, raw.Value
	case v.has("value"):
		e.Kind, e.Value = ConstantExpr, raw.Value
	default:
		return errNoExpression
	}
	return nil
}

// push and pop enter and leave the struct field named field.
func (s *session) push(field string) { s.path = append(s.path, field) }
func (s *session) pop()              { s.path = s.path[:len(s.path)-1] }

// queryField decodes the *EntityQuery field named field of struct
// structName from v.
func (s *session) queryField(dst **EntityQuery, v *jvalue, structName, field string) error {
	switch {
	case v.isNull():
		*dst = nil
		return nil
	case !v.isObject():
		s.leaf(v, structName, field, dst, false) // a type error
		return nil
	}
	if *dst == nil {
		*dst = new(EntityQuery)
	}
	s.push(field)
	defer s.pop()
	return s.entityQuery(*dst, v)
}

// entityQuery decodes object v into q, in session s.
func (s *session) entityQuery(q *EntityQuery, v *jvalue) error {
	const structName = "EntityQuery"
	for i, key := range v.keys {
		k := &v.kids[i]
		var err error
		switch {
		case fieldIs(key, "_type"):
			s.leaf(k, structName, "_type", &q.Type, false)
		case fieldIs(key, "typeName"):
			s.leaf(k, structName, "typeName", &q.TypeName, false)
		case fieldIs(key, "fields"):
			s.leaf(k, structName, "fields", &q.Fields, false)
		case fieldIs(key, "where"):
			err = s.condition(&q.Where, k, structName, "where")
		case fieldIs(key, "orders"):
			s.leaf(k, structName, "orders", &q.Orders, false)
		case fieldIs(key, "relations"):
			err = s.relations(&q.Relations, k, structName, "relations")
		case fieldIs(key, "paging"):
			s.leaf(k, structName, "paging", &q.Paging, false)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// relations decodes the []Relation field named field of struct structName
// from v as encoding/json decodes an array into a slice: into the elements
// already there (up to the capacity), then into new ones.
func (s *session) relations(dst *[]Relation, v *jvalue, structName, field string) error {
	switch {
	case v.isNull():
		*dst = nil
		return nil
	case !v.isArray():
		s.leaf(v, structName, field, dst, false) // a type error
		return nil
	}
	s.push(field)
	defer s.pop()
	rels := *dst
	for i := range v.kids {
		if i >= cap(rels) {
			rels = append(rels[:cap(rels)], Relation{})
		}
		if i >= len(rels) {
			rels = rels[:i+1]
		}
		k := &v.kids[i]
		switch {
		case k.isNull(): // leaves a struct as it is
		case k.isObject():
			if err := s.relation(&rels[i], k); err != nil {
				*dst = rels
				return err
			}
		default: // a type error; leaf adds field to the path itself
			s.pop()
			s.leaf(k, structName, field, &rels[i], false)
			s.push(field)
		}
	}
	rels = rels[:len(v.kids)]
	if len(rels) == 0 {
		rels = []Relation{}
	}
	*dst = rels
	return nil
}

// relation decodes object v into r, in session s.
func (s *session) relation(r *Relation, v *jvalue) error {
	const structName = "Relation"
	for i, key := range v.keys {
		k := &v.kids[i]
		var err error
		switch {
		case fieldIs(key, "name"):
			s.leaf(k, structName, "name", &r.Name, false)
		case fieldIs(key, "fields"):
			s.leaf(k, structName, "fields", &r.Fields, false)
		case fieldIs(key, "where"):
			err = s.condition(&r.Where, k, structName, "where")
		case fieldIs(key, "orders"):
			s.leaf(k, structName, "orders", &r.Orders, false)
		case fieldIs(key, "relations"):
			err = s.relations(&r.Relations, k, structName, "relations")
		case fieldIs(key, "fromLink"):
			s.leaf(k, structName, "fromLink", &r.FromLink, false)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
