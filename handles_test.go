package czql_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/czql/czql"
)

// userFields stands for the fields struct generated code gives an
// entity.
type userFields struct {
	czql.Entity `czql:"User"`
	Name        czql.SortableStringField
	Mail        czql.StringField `czql:"Email"`
	Manager     czql.RefField[userFields]
	Path        czql.PathField
	unexported  czql.StringField
	Other       string
}

type state string

func TestHandles(t *testing.T) {
	var (
		task     = czql.NewEntity("Task")
		name     = czql.New[czql.SortableStringField]("Name")
		desc     = czql.New[czql.StringField]("Description")
		prio     = czql.New[czql.SortableNumberField[int]]("Priority")
		due      = czql.New[czql.SortableTimeField]("DueDate")
		baseline = czql.New[czql.DateField]("BaselineDueDate")
		work     = czql.New[czql.DurationField]("Work")
		cost     = czql.New[czql.MoneyField]("ActualCost")
		billable = czql.New[czql.BoolField]("Billable")
		st       = czql.New[czql.SortablePickListField[state]]("State")
		tags     = czql.New[czql.MultiPickListField]("Tags")
		manager  = czql.New[czql.SortableRefField[userFields]]("Manager")
		project  = czql.New[czql.RefField[struct{}]]("Project")
		entType  = czql.New[czql.SortableField]("EntityType")
	)
	when := time.Date(2024, 6, 1, 23, 30, 0, 0, time.FixedZone("", 2*3600))
	b := czql.SelectFields(name, manager.Fields().Name, entType).FromEntity(task).Where(
		name.Like("B%"), desc.NotIn("a", "b"), prio.In(1, 2), prio.Ge(3), due.Lt(when), baseline.Le(when),
		work.Gt("8h"), cost.Ne(10.5), billable.Eq(true), st.In("Active", "Draft"), tags.NotLike("%x%"),
		manager.Fields().Mail.Eq("a@b.c"), manager.Path("Name").IsNotNull(),
		project.InQuery(czql.Select("Id").From("Project").Where(czql.Eq("State", "Active"))),
	).OrderByField(due, czql.Desc).OrderByField(manager.Fields().Name, czql.Asc).OrderByField(manager.Path("Email"), czql.Asc).
		GroupByFields()
	want := `SELECT Name, Manager.Name, EntityType
FROM Task
WHERE Name LIKE 'B%'
  AND Description NOT IN ('a', 'b')
  AND Priority IN (1, 2)
  AND Priority >= 3
  AND DueDate < 2024-06-01T23:30:00+02:00
  AND BaselineDueDate <= 2024-06-01
  AND Work > '8h'
  AND ActualCost <> 10.5
  AND Billable = TRUE
  AND State IN ('Active', 'Draft')
  AND Tags NOT LIKE '%x%'
  AND Manager.Email = 'a@b.c'
  AND Manager.Name <> NULL
  AND Project IN (SELECT Id FROM Project WHERE State = 'Active')
ORDER BY DueDate DESC, Manager.Name ASC, Manager.Email ASC`
	if got := czqlText(t, b); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestHandlesSortable(t *testing.T) {
	for _, h := range []any{
		czql.SortableField{}, czql.SortableStringField{}, czql.SortableNumberField[int]{}, czql.SortableTimeField{},
		czql.SortableDateField{}, czql.SortableDurationField{}, czql.SortableMoneyField{}, czql.SortableBoolField{},
		czql.SortablePickListField[state]{}, czql.SortableMultiPickListField{}, czql.SortableRefField[struct{}]{}, czql.PathField{},
	} {
		if _, ok := h.(czql.Sortable); !ok {
			t.Errorf("%T is not Sortable", h)
		}
	}
	for _, h := range []any{
		czql.Field{}, czql.StringField{}, czql.NumberField[int]{}, czql.TimeField{}, czql.DateField{}, czql.DurationField{},
		czql.MoneyField{}, czql.BoolField{}, czql.PickListField[state]{}, czql.MultiPickListField{}, czql.RefField[struct{}]{}, czql.Entity{},
	} {
		if _, ok := h.(czql.Sortable); ok {
			t.Errorf("%T is Sortable", h)
		}
	}
}

func TestHandleNames(t *testing.T) {
	user := czql.Handles[userFields]("")
	ref := czql.New[czql.RefField[userFields]]("Manager")
	for _, tc := range []struct {
		h    fmt.Stringer
		want string
	}{
		{czql.New[czql.Field]("X"), "X"}, {ref, "Manager"}, {ref.Fields().Name, "Manager.Name"},
		{ref.Fields(), "User"}, {ref.Path("Email"), "Manager.Email"}, {ref.Fields().Mail, "Manager.Email"},
		{ref.Fields().Manager.Fields().Manager, "Manager.Manager.Manager"},
		{user, "User"}, {user.Name, "Name"}, {user.Path, "Path"}, {user.unexported, ""},
	} {
		if got := tc.h.String(); got != tc.want {
			t.Errorf("%T: String() = %q, want %q", tc.h, got, tc.want)
		}
	}
	if got := czql.Handles[int]("x"); got != 0 {
		t.Errorf("Handles[int] = %d", got)
	}
}
