package czql

import (
	"fmt"
	"reflect"
	"time"
)

// This file holds the field handles that the code written by `czql gen`
// is made of: one value per field of an organisation's metadata, whose
// type says what the field allows. A field that is not filterable has no
// condition methods, and one that is not sortable does not implement
// [Sortable], so that using them so is a compile error instead of a lint
// finding. Every handle's String() is the field's name, or its dot path
// from the entity (`Manager.Name`).

// Handle is implemented by the field handles of this package, and by
// [Entity].
type Handle interface {
	// named returns a handle of the same type for name.
	named(name string) any
}

// New returns the handle of type H for the field name, such as
// New[czql.SortableStringField]("Name"). The name is checked, as every
// name, when a query is built.
func New[H Handle](name string) H {
	var h H
	return h.named(name).(H)
}

// Handles returns a value of the struct type T (such as the TaskFields
// of generated code) whose exported fields of handle types (the embedded
// [Entity] included) are set: each names the field of its `czql:"Name"`
// tag, or else of its own name, prefixed with prefix. The entity's name is
// never prefixed. Generated code makes an entity's value with
// Handles[TaskFields](""), and [RefField.Fields] makes the handles of a
// reference's target with the prefix "Manager.".
func Handles[T any](prefix string) T {
	var t T
	v := reflect.ValueOf(&t).Elem()
	if v.Kind() != reflect.Struct {
		return t
	}
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		h, ok := v.Field(i).Interface().(Handle)
		if !ok {
			continue
		}
		name, tagged := sf.Tag.Lookup("czql")
		if !tagged {
			name = sf.Name
		}
		if _, entity := h.(Entity); !entity {
			name = prefix + name
		}
		v.Field(i).Set(reflect.ValueOf(h.named(name)))
	}
	return t
}

// Sortable is implemented by the handles of sortable fields only: those
// whose type starts with Sortable, and [PathField], whose sortability is
// not known.
type Sortable interface {
	fmt.Stringer
	sortable()
}

// OrderByField is [Builder.OrderBy] with a field given as a handle: only
// the handles of sortable fields compile.
func (b *Builder) OrderByField(field Sortable, dir Direction) *Builder {
	name := ""
	if field != nil {
		name = field.String()
	}
	return b.OrderBy(name, dir)
}

// GroupByFields is [Builder.GroupBy] with fields given as handles.
func (b *Builder) GroupByFields(fields ...fmt.Stringer) *Builder { return b.GroupBy(names(fields)...) }

// Entity is the handle of an entity: its String() is the entity's name,
// for [Builder.FromEntity]. The entity values of generated code embed
// one.
type Entity struct{ name string }

// NewEntity returns the handle of the entity name.
func NewEntity(name string) Entity { return Entity{name} }

// String returns the entity's name.
func (e Entity) String() string { return e.name }

func (Entity) named(name string) any { return Entity{name} }

// Field is the handle of a field that takes no condition: not
// filterable, or of a type no condition applies to (Binary). It can be
// selected and grouped by.
type Field struct{ name string }

// String returns the field's name.
func (f Field) String() string { return f.name }

func (Field) named(name string) any { return Field{name} }

// SortableField is the handle of a sortable field that takes no
// condition.
type SortableField struct{ Field }

func (SortableField) sortable() {}

func (SortableField) named(name string) any { return SortableField{Field{name}} }

// PathField is the handle of a dot path through a reference, made by
// [RefField.Path]: its type is not known, so its conditions take any
// value, as [Eq] does, and it may be ordered by; the checks against the
// metadata (see [WithMetadata]) tell the rest.
type PathField struct{ name string }

// String returns the path.
func (f PathField) String() string { return f.name }

func (PathField) named(name string) any { return PathField{name} }

func (PathField) sortable() {}

// Eq is the condition `path = v`; see [Eq].
func (f PathField) Eq(v any) Cond { return Eq(f.name, v) }

// Ne is the condition `path <> v`.
func (f PathField) Ne(v any) Cond { return Ne(f.name, v) }

// Lt is the condition `path < v`.
func (f PathField) Lt(v any) Cond { return Lt(f.name, v) }

// Le is the condition `path <= v`.
func (f PathField) Le(v any) Cond { return Le(f.name, v) }

// Gt is the condition `path > v`.
func (f PathField) Gt(v any) Cond { return Gt(f.name, v) }

// Ge is the condition `path >= v`.
func (f PathField) Ge(v any) Cond { return Ge(f.name, v) }

// In is the condition `path IN (…)`; see [In].
func (f PathField) In(vs ...any) Cond { return In(f.name, vs...) }

// NotIn is the condition `path NOT IN (…)`.
func (f PathField) NotIn(vs ...any) Cond { return NotIn(f.name, vs...) }

// Like is the condition `path LIKE pattern`.
func (f PathField) Like(pattern string) Cond { return Like(f.name, pattern) }

// NotLike is the condition `path NOT LIKE pattern`.
func (f PathField) NotLike(pattern string) Cond { return NotLike(f.name, pattern) }

// IsNull is the condition `path = NULL`.
func (f PathField) IsNull() Cond { return IsNull(f.name) }

// IsNotNull is the condition `path <> NULL`.
func (f PathField) IsNotNull() Cond { return IsNotNull(f.name) }

// eqOps are the conditions of every filterable field: = and <> with a
// value of type V, and the NULL tests. With date set, a time.Time stands
// for its date ([Date] of its year, month and day).
type eqOps[V any] struct {
	name string
	date bool
}

// String returns the field's name.
func (f eqOps[V]) String() string { return f.name }

// value converts v for the builder.
func (f eqOps[V]) value(v V) any {
	if t, ok := any(v).(time.Time); ok && f.date {
		return Date(t.Date())
	}
	return v
}

// values converts vs for the builder.
func (f eqOps[V]) values(vs []V) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = f.value(v)
	}
	return out
}

// Eq is the condition `field = v`.
func (f eqOps[V]) Eq(v V) Cond { return Eq(f.name, f.value(v)) }

// Ne is the condition `field <> v`.
func (f eqOps[V]) Ne(v V) Cond { return Ne(f.name, f.value(v)) }

// IsNull is the condition `field = NULL`.
func (f eqOps[V]) IsNull() Cond { return IsNull(f.name) }

// IsNotNull is the condition `field <> NULL`.
func (f eqOps[V]) IsNotNull() Cond { return IsNotNull(f.name) }

// orderOps add the ordering comparisons to eqOps.
type orderOps[V any] struct{ eqOps[V] }

// Lt is the condition `field < v`.
func (f orderOps[V]) Lt(v V) Cond { return Lt(f.name, f.value(v)) }

// Le is the condition `field <= v`.
func (f orderOps[V]) Le(v V) Cond { return Le(f.name, f.value(v)) }

// Gt is the condition `field > v`.
func (f orderOps[V]) Gt(v V) Cond { return Gt(f.name, f.value(v)) }

// Ge is the condition `field >= v`.
func (f orderOps[V]) Ge(v V) Cond { return Ge(f.name, f.value(v)) }

// RefField is the handle of a filterable reference (Entity) field: = <>
// IN NOT IN and the NULL tests with entity ids such as "/User/42", IN
// (SELECT …), and the handles of the fields of its target, T, a struct
// of handles such as generated code gives (an empty struct when the
// target is not generated or not one entity). Selecting the field alone
// gets the id of the entity it references.
type RefField[T any] struct{ eqOps[string] }

func (RefField[T]) named(name string) any { return RefField[T]{eqOps[string]{name: name}} }

// In is the condition `field IN (id, …)`.
func (f RefField[T]) In(ids ...string) Cond { return In(f.name, f.values(ids)...) }

// NotIn is the condition `field NOT IN (id, …)`.
func (f RefField[T]) NotIn(ids ...string) Cond { return NotIn(f.name, f.values(ids)...) }

// InQuery is the condition `field IN (SELECT … FROM …)`; see [InQuery].
func (f RefField[T]) InQuery(sub *Builder) Cond { return InQuery(f.name, sub) }

// NotInQuery is the condition `field NOT IN (SELECT … FROM …)`.
func (f RefField[T]) NotInQuery(sub *Builder) Cond { return NotInQuery(f.name, sub) }

// Path returns the handle of the path from the field to a field of its
// target, such as Task.Manager.Path("Name") for `Manager.Name`.
func (f RefField[T]) Path(field string) PathField { return PathField{f.name + "." + field} }

// Fields returns the typed handles of the fields of the target, whose
// paths start with the field ([Handles]): Task.Manager.Fields().Name is
// `Manager.Name`.
func (f RefField[T]) Fields() T { return Handles[T](f.name + ".") }

// SortableRefField is the handle of a sortable reference field: a
// [RefField] that implements [Sortable].
type SortableRefField[T any] struct{ RefField[T] }

func (SortableRefField[T]) sortable() {}

func (f SortableRefField[T]) named(name string) any {
	return SortableRefField[T]{f.RefField.named(name).(RefField[T])}
}
