package ast

import (
	"fmt"
	"iter"
	"reflect"
)

// Visitor's Visit method is called for each node met by [Walk]. If the
// returned visitor w is not nil, Walk visits each child of node with w, then
// calls w.Visit(nil).
type Visitor interface {
	Visit(node Node) (w Visitor)
}

// Walk traverses the tree rooted at node in depth-first order: it calls
// v.Visit(node), then walks each non-nil child with the visitor returned.
// Walk panics on a node type it does not know, which can only be a bug.
func Walk(v Visitor, node Node) {
	if isNil(node) {
		return
	}
	if v = v.Visit(node); v == nil {
		return
	}
	walkChildren(v, node)
	v.Visit(nil)
}

func walkChildren(v Visitor, node Node) {
	switch n := node.(type) {
	case *File:
		for _, q := range n.Queries {
			Walk(v, q)
		}
	case *Comment, *Ident, *StringLit, *NumberLit, *DateLit, *BoolLit, *NullLit, *ParamRef:
		// leaves
	case *Query:
		walkQuery(v, n)
	case *SelectClause:
		for _, it := range n.Items {
			Walk(v, it)
		}
	case *FromClause:
		walkIdent(v, n.Entity)
	case *WhereClause:
		Walk(v, n.Cond)
	case *BadExpr:
		if n.X != nil {
			walkField(v, n.X)
		}
	case *GroupByClause:
		for _, f := range n.Fields {
			walkField(v, f)
		}
	case *OrderByClause:
		for _, it := range n.Items {
			Walk(v, it)
		}
	case *LimitClause:
		Walk(v, n.Value)
	case *OffsetClause:
		Walk(v, n.Value)
	case *OrderItem:
		walkField(v, n.Field)
	case *FieldRef:
		for _, s := range n.Segments {
			walkIdent(v, s)
		}
	case *AggregateExpr:
		walkField(v, n.Arg)
		walkIdent(v, n.Alias)
	case *RelationQuery:
		walkSubquery(v, n.Query)
	case *BinaryExpr:
		Walk(v, n.X)
		Walk(v, n.Y)
	case *NotExpr:
		Walk(v, n.X)
	case *ParenExpr:
		Walk(v, n.X)
	case *CompareExpr:
		walkField(v, n.X)
		Walk(v, n.Y)
	case *InExpr:
		walkField(v, n.X)
		for _, l := range n.List {
			Walk(v, l)
		}
		walkSubquery(v, n.Query)
	case *LikeExpr:
		walkField(v, n.X)
		Walk(v, n.Pattern)
	default:
		panic(fmt.Sprintf("ast.Walk: unexpected node type %T", n))
	}
}

func walkQuery(v Visitor, q *Query) {
	for _, c := range []Node{q.Select, q.From, q.Where, q.GroupBy, q.OrderBy, q.Limit, q.Offset} {
		Walk(v, c)
	}
}

// The helpers below avoid wrapping typed nil pointers in a Node interface.
func walkSubquery(v Visitor, q *Query) {
	if q != nil {
		Walk(v, q)
	}
}

func walkField(v Visitor, f *FieldRef) {
	if f != nil {
		Walk(v, f)
	}
}

func walkIdent(v Visitor, i *Ident) {
	if i != nil {
		Walk(v, i)
	}
}

type inspector func(Node) bool

func (f inspector) Visit(node Node) Visitor {
	if node != nil && f(node) {
		return f
	}
	return nil
}

// Inspect traverses the tree rooted at node in depth-first order, calling f
// for each node; when f returns false the node's children are skipped.
func Inspect(node Node, f func(Node) bool) {
	Walk(inspector(f), node)
}

// Preorder returns an iterator over every node of the tree rooted at root,
// parents before children.
func Preorder(root Node) iter.Seq[Node] {
	return func(yield func(Node) bool) {
		stopped := false
		Inspect(root, func(n Node) bool {
			if stopped {
				return false
			}
			if !yield(n) {
				stopped = true
			}
			return !stopped
		})
	}
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
