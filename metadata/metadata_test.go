package metadata

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	_ "github.com/czql/czql/internal/golden" // so that go test ./... -update works
)

// loadSample decodes testdata/sample.json (czql-reference §6.7).
func loadSample(t testing.TB) *Metadata {
	t.Helper()
	m, err := Load("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDecodeSample(t *testing.T) {
	m := loadSample(t)
	if got, want := m.EntityNames(), []string{"Project", "Task", "User", "WorkItem"}; !slices.Equal(got, want) {
		t.Fatalf("EntityNames = %v, want %v", got, want)
	}
	wi := m.Entity("WorkItem")
	if wi.Label != "Work Item" || wi.DisplayField != "Name" || wi.ParentEntity != "" || len(wi.ValidStates) != 5 {
		t.Errorf("WorkItem attributes: %+v", wi)
	}
	if len(wi.Fields) != 19 || len(wi.Relations) != 3 {
		t.Errorf("WorkItem has %d fields, %d relations", len(wi.Fields), len(wi.Relations))
	}
	state := wi.Field("State")
	if state.Type != EntityRef || !state.IsPickList() || !slices.Equal(state.ReferencedEntities, []string{"State"}) {
		t.Errorf("State = %+v", state)
	}
	if string(state.DefaultValue) != `{"id":"/State/Draft","Name":"Draft"}` {
		t.Errorf("State default = %s", state.DefaultValue)
	}
	if et := wi.Field("EntityType"); et.ReferencedEntities != nil || et.Filterable || !et.Sortable || !et.System {
		t.Errorf("EntityType = %+v", et)
	}
	if d := wi.Field("Description"); d.MaxLength != -1 || d.Sortable || d.Type != String {
		t.Errorf("Description = %+v", d)
	}
	if pc := wi.Field("PercentCompleted"); pc.DecimalPlaces != 2 || !pc.Type.IsNumeric() {
		t.Errorf("PercentCompleted = %+v", pc)
	}
	r := m.Entity("User").Relation("workitems")
	if r == nil || !r.ReadOnly || r.LinkTypeName != "RegularResourceLink" || r.SourceFieldName != "Resource" {
		t.Errorf("User.WorkItems = %+v", r)
	}
}

func TestCaseInsensitiveLookup(t *testing.T) {
	m := loadSample(t)
	for _, name := range []string{"task", "TASK", "tAsK"} {
		e := m.Entity(name)
		if e == nil || e.TypeName != "Task" {
			t.Fatalf("Entity(%q) = %v, want Task", name, e)
		}
	}
	f := m.Entity("task").Field("percentcompleted")
	if f == nil || f.Name != "PercentCompleted" {
		t.Fatalf("Field(percentcompleted) = %v", f)
	}
	if m.Entity("Nope") != nil || m.Entity("Task").Field("Nope") != nil || m.Entity("Task").Relation("Nope") != nil {
		t.Error("unknown names found")
	}
	var nilMD *Metadata
	if nilMD.Entity("Task") != nil || (*Entity)(nil).Field("x") != nil {
		t.Error("nil receivers")
	}
}

func TestUnicodeFold(t *testing.T) {
	m := New(&Entity{TypeName: "Ünïcode", Fields: []*Field{{Name: "Straße", Type: String}, {Name: "Kelvin", Type: String}}})
	e := m.Entity("üNÏCODE")
	if e == nil {
		t.Fatal("non-ASCII entity lookup failed")
	}
	if e.Field("STRAßE") == nil || e.Field("\u212aelvin") == nil {
		t.Error("non-ASCII field lookup failed")
	}
}

func TestInheritance(t *testing.T) {
	m := loadSample(t)
	task := m.Entity("Task")
	if task.Parent() != m.Entity("WorkItem") || m.Entity("WorkItem").Parent() != nil {
		t.Fatal("parent links")
	}
	f := task.Field("startdate")
	if f == nil || f.Name != "StartDate" || f.Owner.TypeName != "WorkItem" {
		t.Fatalf("Task.StartDate = %+v", f)
	}
	if own := task.Field("TaskType"); own == nil || own.Owner != task {
		t.Errorf("Task.TaskType owner")
	}
	all := task.FieldNames()
	if len(all) != 2+19 || all[0] != "TaskType" || all[2] != "Name" {
		t.Errorf("Task.FieldNames = %v", all)
	}
	// Resources is both own and inherited: the own one wins, once.
	rels := task.AllRelations()
	if len(rels) != 4 || task.Relation("resources") != task.Relations[0] || task.Relation("Attachments") == nil {
		t.Errorf("Task relations = %d", len(rels))
	}
	if !task.IsA("workitem") || !task.IsA("Task") || task.IsA("Project") {
		t.Error("IsA")
	}
	var subs []string
	for _, e := range m.Subtypes("WORKITEM") {
		subs = append(subs, e.TypeName)
	}
	if !slices.Equal(subs, []string{"Project", "Task"}) {
		t.Errorf("Subtypes = %v", subs)
	}
}

func TestRepeatedInheritedFieldShadows(t *testing.T) {
	base := &Entity{TypeName: "Base", Fields: []*Field{{Name: "Name", Type: String, Label: "base"}, {Name: "X", Type: Integer}}}
	sub := &Entity{TypeName: "Sub", ParentEntity: "Base", Fields: []*Field{{Name: "NAME", Type: String, Label: "sub"}}}
	m := New(sub, base)
	e := m.Entity("sub")
	if f := e.Field("name"); f.Label != "sub" || f.Owner != e {
		t.Errorf("own field does not shadow: %+v", f)
	}
	if names := e.FieldNames(); !slices.Equal(names, []string{"NAME", "X"}) {
		t.Errorf("FieldNames = %v", names)
	}
}

func TestParentCycleAndUnknownParent(t *testing.T) {
	a := &Entity{TypeName: "A", ParentEntity: "B", Fields: []*Field{{Name: "FA", Type: String}}}
	b := &Entity{TypeName: "B", ParentEntity: "A", Fields: []*Field{{Name: "FB", Type: String}}}
	c := &Entity{TypeName: "C", ParentEntity: "Missing"}
	s := &Entity{TypeName: "S", ParentEntity: "s"}
	m := New(a, b, c, s)
	if m.Entity("C").Parent() != nil || m.Entity("S").Parent() != nil {
		t.Error("unknown or self parent should be nil")
	}
	if a.Field("FB") == nil && b.Field("FA") == nil {
		t.Error("one side of the cycle should inherit")
	}
	if a.IsA("Zzz") || len(m.Subtypes("A")) > 1 {
		t.Error("cycle not cut")
	}
}

func TestNewMergesDuplicates(t *testing.T) {
	m := New(
		&Entity{TypeName: "Task", Label: "Task", Fields: []*Field{{Name: "A", Type: String}, {Name: "B", Type: String}}},
		&Entity{TypeName: "TASK", Fields: []*Field{{Name: "b", Type: Integer}, {Name: "C", Type: Date}}},
	)
	if len(m.Entities()) != 1 {
		t.Fatalf("entities = %v", m.EntityNames())
	}
	e := m.Entity("task")
	if e.Label != "Task" || !slices.Equal(e.FieldNames(), []string{"A", "b", "C"}) || e.Field("B").Type != Integer {
		t.Errorf("merged = %v", e.FieldNames())
	}
}

func TestFieldTypes(t *testing.T) {
	for _, ft := range []FieldType{Integer, Long, Double} {
		if !ft.IsNumeric() || ft.IsTemporal() {
			t.Errorf("%s", ft)
		}
	}
	for _, ft := range []FieldType{Date, DateTime} {
		if ft.IsNumeric() || !ft.IsTemporal() {
			t.Errorf("%s", ft)
		}
	}
	if Money.IsNumeric() || Duration.IsTemporal() || EntityRef != "Entity" {
		t.Error("Money/Duration/EntityRef")
	}
}

func TestIsPickListThroughPickups(t *testing.T) {
	m := New(
		&Entity{TypeName: "Priority", Pickups: []*Pickup{{Value: "Low"}, {Value: "High"}}},
		&Entity{TypeName: "Issue", Fields: []*Field{
			{Name: "Priority", Type: EntityRef, PresentationType: "ReferenceToObject", ReferencedEntities: []string{"priority"}},
			{Name: "Owner", Type: EntityRef, ReferencedEntities: []string{"User"}},
			{Name: "Title", Type: String, PresentationType: "PickList"},
		}},
	)
	is := m.Entity("Issue")
	if !is.Field("priority").IsPickList() || is.Field("Owner").IsPickList() || is.Field("Title").IsPickList() {
		t.Error("IsPickList")
	}
	if got := m.Entity("Priority").PickupValues(); !slices.Equal(got, []string{"Low", "High"}) {
		t.Errorf("PickupValues = %v", got)
	}
}

func TestUnindexedEntity(t *testing.T) {
	e := &Entity{TypeName: "Loose", Fields: []*Field{{Name: "Name"}}, Relations: []*Relation{{Name: "R"}}}
	if e.Field("NAME") == nil || e.Relation("r") == nil || len(e.AllFields()) != 1 || e.Parent() != nil {
		t.Error("unindexed entity lookups")
	}
}

func TestSharedFixture(t *testing.T) {
	const path = "../testdata/metadata/clarizen.json"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared fixture not present:", err)
	}
	m, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.Entities()); n < 40 {
		t.Errorf("fixture has %d entities, want 40+", n)
	}
	task, wi := m.Entity("task"), m.Entity("WorkItem")
	if task == nil || wi == nil || task.TypeName != "Task" || !task.IsA("WorkItem") {
		t.Fatalf("Task/WorkItem missing or unrelated")
	}
	for _, f := range wi.AllFields() {
		if task.Field(strings.ToUpper(f.Name)) == nil {
			t.Errorf("Task lacks WorkItem field %s", f.Name)
		}
	}
	if m.Entity("User") == nil || m.Entity("project") == nil {
		t.Error("User or Project missing")
	}
	roundTrip(t, m)
}

// roundTrip checks that m survives Encode→Decode and WriteCache→ReadCache.
func roundTrip(t *testing.T, m *Metadata) {
	t.Helper()
	var js strings.Builder
	if err := m.Encode(&js); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(strings.NewReader(js.String()))
	if err != nil {
		t.Fatalf("decode of Encode output: %v", err)
	}
	back.FetchedAt, back.Host = m.FetchedAt, m.Host
	// AllFields and AllRelations are built on first use: build them on both
	// sides so that the internal states compare.
	for _, set := range []*Metadata{m, back} {
		for _, e := range set.Entities() {
			e.AllFields()
		}
	}
	if !reflect.DeepEqual(m, back) {
		t.Error("Encode→Decode differs")
	}
	var buf strings.Builder
	if err := m.WriteCache(&buf); err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCache([]byte(buf.String()))
	if err != nil {
		t.Fatalf("DecodeCache: %v", err)
	}
	if d := diffMetadata(m, c); d != "" {
		t.Errorf("WriteCache→ReadCache differs: %s", d)
	}
	if err := c.cacheErr(); err != nil {
		t.Error(err)
	}
}
