package parser

import "github.com/czql/czql/lexer"

// The condition productions of the fast path; see fast.go.

func (f *fast) condition() *condition {
	c := &condition{}
	for {
		t := f.and()
		if t == nil {
			return nil
		}
		c.Terms = append(c.Terms, t)
		if _, ok := f.word(lexer.Reserved, "OR"); !ok {
			return c
		}
	}
}

func (f *fast) and() *andCondition {
	c := &andCondition{}
	for {
		u := f.unary()
		if u == nil {
			return nil
		}
		c.Factors = append(c.Factors, u)
		if _, ok := f.word(lexer.Reserved, "AND"); !ok {
			return c
		}
	}
}

func (f *fast) unary() *unaryCondition {
	t := f.peek()
	switch {
	case t.Type == lexer.Reserved && isWord(t, "NOT"):
		f.i++
		x := f.unary()
		if x == nil {
			return nil
		}
		return &unaryCondition{Not: &t, Negated: x}
	case isPunct(t, "("):
		f.i++
		c := f.condition()
		if c == nil {
			return nil
		}
		rp, ok := f.punct(")")
		if !ok {
			return nil
		}
		return &unaryCondition{Lparen: &t, Group: c, Rparen: rp}
	}
	if p := f.predicate(); p != nil {
		u := f.unaries.new()
		u.Predicate = p
		return u
	}
	return nil
}

func (f *fast) predicate() *predicate {
	fr := f.fieldRef()
	if fr == nil {
		return nil
	}
	p := f.predicates.new()
	p.Field = fr
	t := f.peek()
	switch {
	case t.Type == lexer.Operator:
		f.i++
		v := f.literal()
		if v == nil {
			return nil
		}
		p.Compare = f.compares.new()
		p.Compare.Op, p.Compare.Value = t, v
		return p
	case t.Type == lexer.Keyword && isWord(t, "IS"):
		if p.IsNull = f.isNull(); p.IsNull == nil {
			return nil
		}
		return p
	case t.Type == lexer.Reserved && isWord(t, "NOT"):
		f.i++
		p.Not = &t
	}
	return f.inOrLike(p)
}

// inOrLike parses the IN or LIKE of a predicate, after its NOT if any.
func (f *fast) inOrLike(p *predicate) *predicate {
	switch t := f.peek(); {
	case t.Type == lexer.Keyword && isWord(t, "IN"):
		if p.In = f.in(); p.In == nil {
			return nil
		}
	case t.Type == lexer.Keyword && isWord(t, "LIKE"):
		f.i++
		v := f.literal()
		if v == nil {
			return nil
		}
		p.Like = &like{Like: t, Pattern: v}
	default:
		f.failAt(f.i)
		return nil
	}
	return p
}

func (f *fast) isNull() *isNull {
	n := &isNull{Is: f.peek()}
	f.i++
	if t, ok := f.word(lexer.Reserved, "NOT"); ok {
		n.Not = &t
	}
	var ok bool
	if n.Null, ok = f.word(lexer.Keyword, "NULL"); !ok {
		return nil
	}
	return n
}

func (f *fast) in() *in {
	n := &in{In: f.peek()}
	f.i++
	var ok bool
	if n.Lparen, ok = f.punct("("); !ok {
		return nil
	}
	if t := f.peek(); t.Type == lexer.Reserved && isWord(t, "SELECT") {
		if n.Query = f.query(); n.Query == nil {
			return nil
		}
	} else {
		for {
			v := f.literal()
			if v == nil {
				return nil
			}
			n.Values = append(n.Values, v)
			if _, ok := f.punct(","); !ok {
				break
			}
		}
	}
	if n.Rparen, ok = f.punct(")"); !ok {
		return nil
	}
	return n
}

// literal consumes a literal: a string, number, date, parameter, TRUE,
// FALSE or NULL.
func (f *fast) literal() *literal {
	t := f.peek()
	switch t.Type {
	case lexer.String, lexer.Number, lexer.Date, lexer.Param:
	case lexer.Keyword:
		if !isAnyWord(t, "TRUE", "FALSE", "NULL") {
			f.failAt(f.i)
			return nil
		}
	default:
		f.failAt(f.i)
		return nil
	}
	f.i++
	l := f.literals.new()
	l.Token = t
	return l
}
