package frontend

import (
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
)

func TestEntityFieldsAligned(t *testing.T) {
	md, err := metadata.Decode(strings.NewReader(`{"entityDescriptions":[{"typeName":"Task","fields":[
		{"name":"Name","type":"String","label":"Name","filterable":true,"sortable":true},
		{"name":"Manager","type":"Entity","label":"Manager","referencedEntities":["User"],"nullable":true,"filterable":true,"sortable":true},
		{"name":"C_Été","type":"Text","label":"Été","custom":true}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := EntityFields(md.Entity("task"))
	want := `Task (3 fields)
FIELD    TYPE           LABEL    FLAGS
Name     String         Name
Manager  Entity → User  Manager  nullable
C_Été    Text           Été      custom,not-filterable,not-sortable
`
	if got != want {
		t.Errorf("EntityFields:\n%s\nwant:\n%s", got, want)
	}
}
