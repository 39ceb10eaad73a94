// Package ast declares the typed syntax tree of CZQL, the query language of
// the Clarizen REST API v2.
//
// The parser lowers its private participle grammar into these nodes; the
// validator, the translator and the formatter read them. Every node knows its
// source [diag.Range]. The interfaces [Node], [Expr], [Literal] and
// [SelectItem] are sealed: only this package implements them.
//
// The tree is semantic rather than textual where two spellings mean the same:
// `@Name` and `Name` give the same [Ident]; `!=` and `<>` both give [Ne];
// `F IS NULL` and `F IS NOT NULL` are lowered to [CompareExpr] with a
// [NullLit] operand and [Eq] or [Ne]. Parentheses the user wrote are kept as
// [ParenExpr] so that formatting preserves the tree.
package ast
