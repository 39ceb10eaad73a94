package czql

import "time"

// Number is the constraint of the values of [NumberField].
type Number interface {
	~int | ~int64 | ~float64
}

// StringField is the handle of a filterable String field: = <> LIKE IN and the NULL tests with string values.
type StringField struct{ eqOps[string] }

func (StringField) named(name string) any { return StringField{eqOps[string]{name: name}} }

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

func (f SortableStringField) named(name string) any {
	return SortableStringField{f.StringField.named(name).(StringField)}
}

// NumberField is the handle of a filterable Integer (N int), Long (int64) or Double (float64) field: = <> < <= > >= IN and the NULL tests.
type NumberField[N Number] struct{ orderOps[N] }

func (NumberField[N]) named(name string) any {
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

func (f SortableNumberField[N]) named(name string) any {
	return SortableNumberField[N]{f.NumberField.named(name).(NumberField[N])}
}

// TimeField is the handle of a filterable DateTime field: = <> < <= > >= and the NULL tests with time.Time values, written as date-times.
type TimeField struct{ orderOps[time.Time] }

func (TimeField) named(name string) any {
	return TimeField{orderOps[time.Time]{eqOps[time.Time]{name: name}}}
}

// SortableTimeField is the handle of a sortable DateTime field:
// a [TimeField] that implements [Sortable].
type SortableTimeField struct{ TimeField }

func (SortableTimeField) sortable() {}

func (f SortableTimeField) named(name string) any {
	return SortableTimeField{f.TimeField.named(name).(TimeField)}
}

// DateField is the handle of a filterable Date field: = <> < <= > >= and the NULL tests with time.Time values, of which the date is written (their year, month and day, in their location).
type DateField struct{ orderOps[time.Time] }

func (DateField) named(name string) any {
	return DateField{orderOps[time.Time]{eqOps[time.Time]{name: name, date: true}}}
}

// SortableDateField is the handle of a sortable Date field:
// a [DateField] that implements [Sortable].
type SortableDateField struct{ DateField }

func (SortableDateField) sortable() {}

func (f SortableDateField) named(name string) any {
	return SortableDateField{f.DateField.named(name).(DateField)}
}

// DurationField is the handle of a filterable Duration field: = <> < <= > >= and the NULL tests with values written as the API writes durations, such as "8h" or "2d".
type DurationField struct{ orderOps[string] }

func (DurationField) named(name string) any {
	return DurationField{orderOps[string]{eqOps[string]{name: name}}}
}

// SortableDurationField is the handle of a sortable Duration field:
// a [DurationField] that implements [Sortable].
type SortableDurationField struct{ DurationField }

func (SortableDurationField) sortable() {}

func (f SortableDurationField) named(name string) any {
	return SortableDurationField{f.DurationField.named(name).(DurationField)}
}

// MoneyField is the handle of a filterable Money field: = <> < <= > >= and the NULL tests with amounts.
type MoneyField struct{ orderOps[float64] }

func (MoneyField) named(name string) any {
	return MoneyField{orderOps[float64]{eqOps[float64]{name: name}}}
}

// SortableMoneyField is the handle of a sortable Money field:
// a [MoneyField] that implements [Sortable].
type SortableMoneyField struct{ MoneyField }

func (SortableMoneyField) sortable() {}

func (f SortableMoneyField) named(name string) any {
	return SortableMoneyField{f.MoneyField.named(name).(MoneyField)}
}

// BoolField is the handle of a filterable Boolean field: = <> and the NULL tests.
type BoolField struct{ eqOps[bool] }

func (BoolField) named(name string) any { return BoolField{eqOps[bool]{name: name}} }

// SortableBoolField is the handle of a sortable Boolean field:
// a [BoolField] that implements [Sortable].
type SortableBoolField struct{ BoolField }

func (SortableBoolField) sortable() {}

func (f SortableBoolField) named(name string) any {
	return SortableBoolField{f.BoolField.named(name).(BoolField)}
}

// PickListField is the handle of a filterable pick-list field: = <> IN and the NULL tests with the values of its generated type V, whose constants are the values the metadata lists.
type PickListField[V ~string] struct{ eqOps[V] }

func (PickListField[V]) named(name string) any { return PickListField[V]{eqOps[V]{name: name}} }

// In is the condition `field IN (v, …)`.
func (f PickListField[V]) In(vs ...V) Cond { return In(f.name, f.values(vs)...) }

// NotIn is the condition `field NOT IN (v, …)`.
func (f PickListField[V]) NotIn(vs ...V) Cond { return NotIn(f.name, f.values(vs)...) }

// SortablePickListField is the handle of a sortable pick-list field:
// a [PickListField] that implements [Sortable].
type SortablePickListField[V ~string] struct{ PickListField[V] }

func (SortablePickListField[V]) sortable() {}

func (f SortablePickListField[V]) named(name string) any {
	return SortablePickListField[V]{f.PickListField.named(name).(PickListField[V])}
}

// MultiPickListField is the handle of a filterable MultiPickList field: = <> LIKE and the NULL tests.
type MultiPickListField struct{ eqOps[string] }

func (MultiPickListField) named(name string) any {
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

func (f SortableMultiPickListField) named(name string) any {
	return SortableMultiPickListField{f.MultiPickListField.named(name).(MultiPickListField)}
}
