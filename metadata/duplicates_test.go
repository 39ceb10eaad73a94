package metadata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDuplicatesAreNamed(t *testing.T) {
	doc := `{"entityDescriptions": [
	  {"typeName": "Task", "fields": [{"name": "Name", "type": "String"}, {"name": "name", "type": "String"}],
	   "relations": [{"name": "Resources", "relatedTypeName": "User"}, {"name": "RESOURCES", "relatedTypeName": "User"}]},
	  {"typeName": "User", "fields": [{"name": "Name", "type": "String"}]},
	  {"typeName": "TASK", "fields": [{"name": "Extra", "type": "String"}]}
	], "entityRelations": [{"typeName": "User", "relations": []}], "typeNames": ["Task", "User"]}`
	md, err := Decode(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`entity "Task": field "name" repeats "Name"; the first is used`,
		`entity "Task": relation "RESOURCES" repeats "Resources"; the first is used`,
		`entity "TASK" is described twice (as "Task" too); the descriptions are merged`,
	}, md.Duplicates())
	assert.NotNil(t, md.Entity("task").Field("Extra"), "the descriptions are merged")
}

func TestNoDuplicates(t *testing.T) {
	md, err := Decode(strings.NewReader(`{"entityDescriptions": [{"typeName": "Task", "fields": [{"name": "Name", "type": "String"}]}],
	  "entityRelations": [{"typeName": "Task", "relations": []}]}`))
	require.NoError(t, err)
	assert.Empty(t, md.Duplicates(), "entityRelations add to a description: no duplicate")
	assert.Empty(t, Merge(md, md).Duplicates(), "merged files override on purpose")
}

func TestDuplicatesAreCapped(t *testing.T) {
	var ents []string
	for range 30 {
		ents = append(ents, `{"typeName": "Task"}`)
	}
	md, err := Decode(strings.NewReader(fmt.Sprintf(`{"entityDescriptions": [%s]}`, strings.Join(ents, ","))))
	require.NoError(t, err)
	dups := md.Duplicates()
	require.Len(t, dups, maxDuplicates+1)
	assert.Equal(t, "and 9 more duplicate names", dups[maxDuplicates])
}
