package czql

import "time"

// Number is the constraint of the values of [NumberField].
type Number interface {
	~int | ~int64 | ~float64
}

// StringField is the handle of a filterable String field: = <> LIKE IN and the NULL tests with string values.
type StringField struct{ eqOps[string] }

func (f StringField) withName(name string) StringField { return StringField{eqOps[string]{name: name}} }

// Like is the condition `field LIKE pattern`.
func (f StringField) Like(pattern string) Cond { return Like(f.name, pattern) }

// NotLike is the condition `field NOT LIKE pattern`.
func (f StringField) NotLike(pattern string) Cond { return NotLike(f.name, pattern) }

// In is the condition `field IN (v, …)`.
func (f StringField) In(vs ...string) Cond { return In(f.name, f.values(vs)...) }

// NotIn is the condition `field NOT IN (v, …)`.
func (f StringField) NotIn(vs ...string) Cond { return NotIn(f.name, f.values(vs)...) }

// SortableStringField is the handle of a sortable String field:
// a [StringField] that implements [Sortable].
type SortableStringField struct{ StringField }

func (SortableStringField) sortable() {}

func (f SortableStringField) withName(name string) SortableStringField {
	return SortableStringField{f.StringField.withName(name)}
}

// NumberField is the handle of a filterable Integer (N int), Long (int64) or Double (float64) field: = <> < <= > >= IN and the NULL tests.
type NumberField[N Number] struct{ orderOps[N] }

func (f NumberField[N]) withName(name string) NumberField[N] {
	return NumberField[N]{orderOps[N]{eqOps[N]{name: name}}}
}

// In is the condition `field IN (v, …)`.
func (f NumberField[N]) In(vs ...N) Cond { return In(f.name, f.values(vs)...) }

// NotIn is the condition `field NOT IN (v, …)`.
func (f NumberField[N]) NotIn(vs ...N) Cond { return NotIn(f.name, f.values(vs)...) }

// SortableNumberField is the handle of a sortable Integer, Long or Double field:
// a [NumberField] that implements [Sortable].
type SortableNumberField[N Number] struct{ NumberField[N] }

func (SortableNumberField[N]) sortable() {}

func (f SortableNumberField[N]) withName(name string) SortableNumberField[N] {
	return SortableNumberField[N]{f.NumberField.withName(name)}
}

// TimeField is the handle of a filterable DateTime field: = <> < <= > >= and the NULL tests with time.Time values, written as date-times.
type TimeField struct{ orderOps[time.Time] }

func (f TimeField) withName(name string) TimeField {
	return TimeField{orderOps[time.Time]{eqOps[time.Time]{name: name}}}
}

// SortableTimeField is the handle of a sortable DateTime field:
// a [TimeField] that implements [Sortable].
type SortableTimeField struct{ TimeField }

func (SortableTimeField) sortable() {}

func (f SortableTimeField) withName(name string) SortableTimeField {
	return SortableTimeField{f.TimeField.withName(name)}
}

// DateField is the handle of a filterable Date field: = <> < <= > >= and the NULL tests with time.Time values, of which the date is written (their year, month and day, in their location).
type DateField struct{ orderOps[time.Time] }

func (f DateField) withName(name string) DateField {
	return DateField{orderOps[time.Time]{eqOps[time.Time]{name: name, date: true}}}
}

// SortableDateField is the handle of a sortable Date field:
// a [DateField] that implements [Sortable].
type SortableDateField struct{ DateField }

func (SortableDateField) sortable() {}

func (f SortableDateField) withName(name string) SortableDateField {
	return SortableDateField{f.DateField.withName(name)}
}

// DurationField is the handle of a filterable Duration field: = <> < <= > >= and the NULL tests with values written as the API writes durations, such as "8h" or "2d".
type DurationField struct{ orderOps[string] }

func (f DurationField) withName(name string) DurationField {
	return DurationField{orderOps[string]{eqOps[string]{name: name}}}
}

// SortableDurationField is the handle of a sortable Duration field:
// a [DurationField] that implements [Sortable].
type SortableDurationField struct{ DurationField }

func (SortableDurationField) sortable() {}

func (f SortableDurationField) withName(name string) SortableDurationField {
	return SortableDurationField{f.DurationField.withName(name)}
}

// MoneyField is the handle of a filterable Money field: = <> < <= > >= and the NULL tests with amounts.
type MoneyField struct{ orderOps[float64] }

func (f MoneyField) withName(name string) MoneyField {
	return MoneyField{orderOps[float64]{eqOps[float64]{name: name}}}
}

// SortableMoneyField is the handle of a sortable Money field:
// a [MoneyField] that implements [Sortable].
type SortableMoneyField struct{ MoneyField }

func (SortableMoneyField) sortable() {}

func (f SortableMoneyField) withName(name string) SortableMoneyField {
	return SortableMoneyField{f.MoneyField.withName(name)}
}

// BoolField is the handle of a filterable Boolean field: = <> and the NULL tests.
type BoolField struct{ eqOps[bool] }

func (f BoolField) withName(name string) BoolField { return BoolField{eqOps[bool]{name: name}} }

// SortableBoolField is the handle of a sortable Boolean field:
// a [BoolField] that implements [Sortable].
type SortableBoolField struct{ BoolField }

func (SortableBoolField) sortable() {}

func (f SortableBoolField) withName(name string) SortableBoolField {
	return SortableBoolField{f.BoolField.withName(name)}
}

// PickListField is the handle of a filterable pick-list field: = <> IN and the NULL tests with the values of its generated type V, whose constants are the values the metadata lists.
type PickListField[V ~string] struct{ eqOps[V] }

func (f PickListField[V]) withName(name string) PickListField[V] {
	return PickListField[V]{eqOps[V]{name: name}}
}

// In is the condition `field IN (v, …)`.
func (f PickListField[V]) In(vs ...V) Cond { return In(f.name, f.values(vs)...) }

// NotIn is the condition `field NOT IN (v, …)`.
func (f PickListField[V]) NotIn(vs ...V) Cond { return NotIn(f.name, f.values(vs)...) }

// SortablePickListField is the handle of a sortable pick-list field:
// a [PickListField] that implements [Sortable].
type SortablePickListField[V ~string] struct{ PickListField[V] }

func (SortablePickListField[V]) sortable() {}

func (f SortablePickListField[V]) withName(name string) SortablePickListField[V] {
	return SortablePickListField[V]{f.PickListField.withName(name)}
}

// MultiPickListField is the handle of a filterable MultiPickList field: = <> LIKE and the NULL tests.
type MultiPickListField struct{ eqOps[string] }

func (f MultiPickListField) withName(name string) MultiPickListField {
	return MultiPickListField{eqOps[string]{name: name}}
}

// Like is the condition `field LIKE pattern`.
func (f MultiPickListField) Like(pattern string) Cond { return Like(f.name, pattern) }

// NotLike is the condition `field NOT LIKE pattern`.
func (f MultiPickListField) NotLike(pattern string) Cond { return NotLike(f.name, pattern) }

// SortableMultiPickListField is the handle of a sortable MultiPickList field:
// a [MultiPickListField] that implements [Sortable].
type SortableMultiPickListField struct{ MultiPickListField }

func (SortableMultiPickListField) sortable() {}

func (f SortableMultiPickListField) withName(name string) SortableMultiPickListField {
	return SortableMultiPickListField{f.MultiPickListField.withName(name)}
}
