package sandbox

import (
	"encoding/json"
	"net/url"
	"testing"
)

// errorOf checks that a reply is an HTTP 500 error body and returns its
// errorCode.
func errorOf(t *testing.T, code int, out []byte) string {
	t.Helper()
	var e struct{ ErrorCode, Message, ReferenceID string }
	if err := json.Unmarshal(out, &e); err != nil || code != 500 || e.ErrorCode == "" || e.Message == "" || e.ReferenceID == "" {
		t.Fatalf("want an HTTP 500 {errorCode,message,referenceId} body, got %d %s", code, out)
	}
	return e.ErrorCode
}

func TestObjectsGetFields(t *testing.T) {
	c := newTestServer(t, nil)
	code, out := c.do("GET", "data/objects/Task/t2?fields=Name,State,Manager,PercentCompleted", "")
	want := `{"id":"/Task/t2","Name":"Build UI","State":{"id":"/State/Draft"},"Manager":{"id":"/User/u2"},"PercentCompleted":90}`
	if code != 200 || string(out) != want {
		t.Errorf("GET t2:\n got %d %s\nwant %s", code, out, want)
	}
	// Type names in the path are case-insensitive; a null reference is null.
	code, out = c.do("GET", "data/objects/task/t4?fields=Name,Manager", "")
	want = `{"id":"/Task/t4","Name":"deploy","Manager":null}`
	if code != 200 || string(out) != want {
		t.Errorf("GET t4:\n got %d %s\nwant %s", code, out, want)
	}
	// A dotted field follows the reference.
	code, out = c.do("GET", "data/objects/Task/t1?fields=Manager.Name", "")
	want = `{"id":"/Task/t1","Manager":{"id":"/User/u1","Name":"Sam Stone"}}`
	if code != 200 || string(out) != want {
		t.Errorf("GET t1 Manager.Name:\n got %d %s\nwant %s", code, out, want)
	}
	code, out = c.do("GET", "data/objects/Task/t1?fields=Nope", "")
	if got := errorOf(t, code, out); got != "InvalidField" {
		t.Errorf("unknown field in ?fields: %s", got)
	}
}

func TestObjectsNotFound(t *testing.T) {
	c := newTestServer(t, nil)
	code, out := c.do("GET", "data/objects/Task/t99", "")
	if got := errorOf(t, code, out); got != "EntityNotFound" {
		t.Errorf("GET unknown id: %s", got)
	}
	code, out = c.do("POST", "data/objects/Task/t99", `{"Name":"x"}`)
	if got := errorOf(t, code, out); got != "EntityNotFound" {
		t.Errorf("POST (update) unknown id: %s", got)
	}
	code, out = c.do("DELETE", "data/objects/Task/t99", "")
	if got := errorOf(t, code, out); got != "EntityNotFound" {
		t.Errorf("DELETE unknown id: %s", got)
	}
	code, out = c.do("GET", "data/objects/Nope/x", "")
	if got := errorOf(t, code, out); got != "InvalidField" && got != "InvalidType" {
		t.Errorf("GET unknown type: %s", got)
	}
}

func TestObjectsCreateUpdateDelete(t *testing.T) {
	c := newTestServer(t, nil)
	// Create: the body's bare pick-list value becomes a reference id.
	code, out := c.do("PUT", "data/objects/Task", `{"Name":"Write docs","State":"Draft","Manager":"/User/u3","PercentCompleted":10}`)
	if code != 200 {
		t.Fatalf("create: %d %s", code, out)
	}
	var created struct{ ID string }
	if err := json.Unmarshal(out, &created); err != nil || created.ID == "" {
		t.Fatalf("create: %s", out)
	}
	code, out = c.do("GET", "data/objects/Task/"+created.ID[len("/Task/"):]+"?fields=Name,State,Manager.Name,PercentCompleted", "")
	want := `{"id":"` + created.ID + `","Name":"Write docs","State":{"id":"/State/Draft"},"Manager":{"id":"/User/u3","Name":"Noa Park"},"PercentCompleted":10}`
	if code != 200 || string(out) != want {
		t.Errorf("GET created:\n got %d %s\nwant %s", code, out, want)
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task","where":{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Draft"}}}`); got != "t2,"+created.ID[len("/Task/"):] {
		t.Errorf("query after create: %s", got)
	}

	// Update with POST; the change is seen by queries.
	code, out = c.do("POST", "data/objects/Task/t4", `{"Name":"Deploy v2","PercentCompleted":75}`)
	if code != 200 || string(out) != `{}` {
		t.Fatalf("POST: %d %s", code, out)
	}
	got := c.query("data/query", `{"q":"SELECT Name, PercentCompleted FROM Task WHERE PercentCompleted = 75"}`)
	want = `{"entities":[{"id":"/Task/t4","Name":"Deploy v2","PercentCompleted":75}],"paging":{"from":1,"limit":100,"hasMore":false}}`
	if got != want {
		t.Errorf("query after POST:\n got %s\nwant %s", got, want)
	}
	// Fields the body does not name are kept.
	code, out = c.do("GET", "data/objects/Task/t4?fields=State,DueDate", "")
	want = `{"id":"/Task/t4","State":{"id":"/State/Active"},"DueDate":"2024-02-10T12:00:00"}`
	if code != 200 || string(out) != want {
		t.Errorf("GET after POST:\n got %d %s\nwant %s", code, out, want)
	}

	// Delete, then the object is gone for GET and for queries.
	code, out = c.do("DELETE", "data/objects/Task/t3", "")
	if code != 200 || string(out) != `{}` {
		t.Fatalf("DELETE: %d %s", code, out)
	}
	code, out = c.do("GET", "data/objects/Task/t3", "")
	if got := errorOf(t, code, out); got != "EntityNotFound" {
		t.Errorf("GET after DELETE: %s", got)
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task"}`); got != "t1,t2,t4,"+created.ID[len("/Task/"):] {
		t.Errorf("tasks after DELETE: %s", got)
	}
}

func TestObjectsInvalidField(t *testing.T) {
	c := newTestServer(t, nil)
	code, out := c.do("POST", "data/objects/Task/t1", `{"Name":"x","NoSuchField":1}`)
	if got := errorOf(t, code, out); got != "InvalidField" {
		t.Errorf("POST (update): %s", got)
	}
	code, out = c.do("PUT", "data/objects/Task", `{"NoSuchField":1}`)
	if got := errorOf(t, code, out); got != "InvalidField" {
		t.Errorf("PUT (create): %s", got)
	}
	// A rejected update changes nothing.
	code, out = c.do("GET", "data/objects/Task/t1?fields=Name", "")
	if code != 200 || string(out) != `{"id":"/Task/t1","Name":"Design API"}` {
		t.Errorf("after rejected update: %d %s", code, out)
	}
	// A rejected create adds nothing.
	if got := c.ids("data/entityQuery", `{"typeName":"Task"}`); got != "t1,t2,t3,t4" {
		t.Errorf("after rejected create: %s", got)
	}
}

func TestQueryGET(t *testing.T) {
	c := newTestServer(t, nil)
	q := "SELECT Name FROM Task WHERE State = 'Active' AND Name LIKE 'de%' ORDER BY Name DESC"
	code, out := c.do("GET", "data/query?q="+url.QueryEscape(q), "")
	// Case-insensitive order: "deploy" < "Design API" ('p' < 's'), so DESC puts t1 first.
	want := `{"entities":[{"id":"/Task/t1","Name":"Design API"},{"id":"/Task/t4","Name":"deploy"}],"paging":{"from":2,"limit":100,"hasMore":false}}`
	if code != 200 || string(out) != want {
		t.Errorf("GET data/query:\n got %d %s\nwant %s", code, out, want)
	}
	code, out = c.do("GET", "data/query?q="+url.QueryEscape("SELECT FROM"), "")
	if got := errorOf(t, code, out); got != "InvalidQuery" {
		t.Errorf("bad CZQL: %s", got)
	}
}

// TestObjectsURLForms reads one object through the URL forms clients
// use: the type in any case, the id bare or in full.
func TestObjectsURLForms(t *testing.T) {
	c := newTestServer(t, nil)
	want := `{"id":"/Task/t2","Name":"Build UI"}`
	for _, path := range []string{"data/objects/Task/t2", "data/objects/task/T2", "DATA/Objects/TASK/t2",
		"data/objects/Task//Task/t2", "data/objects/Task/%2FTask%2Ft2", "data/objects//Task/t2/"} {
		code, out := c.do("GET", path+"?Fields=Name", "")
		if code != 200 || string(out) != want {
			t.Errorf("GET %s: %d %s", path, code, out)
		}
	}
}

// TestObjectsGetAll reads an object without fields: every value, with
// references as {"id": …} objects, as queries render them.
func TestObjectsGetAll(t *testing.T) {
	c := newTestServer(t, nil)
	code, out := c.do("GET", "data/objects/Task/t2", "")
	want := `{"id":"/Task/t2","DueDate":"2024-03-05T09:00:00","Duration":{"durationType":"Default","unit":"Days","value":2},` +
		`"EntityType":{"id":"/EntityType/Task"},"Manager":{"id":"/User/u2"},` +
		`"Name":"Build UI","PercentCompleted":90,"Project":{"id":"/Project/p1"},"State":{"id":"/State/Draft"}}`
	if code != 200 || string(out) != want {
		t.Errorf("GET t2:\n got %d %s\nwant %s", code, out, want)
	}
}

// TestObjectsMethods checks the documented methods: POST without an id
// does not create, GET and DELETE need an id (PATCH: see TestMethods).
func TestObjectsMethods(t *testing.T) {
	c := newTestServer(t, nil)
	for _, tt := range []struct{ method, path, body, code string }{
		{"POST", "data/objects/Task", `{"Name":"x"}`, "InvalidOperation"},
		{"GET", "data/objects/Task", ``, "MissingArgument"},
		{"DELETE", "data/objects/Task/", ``, "MissingArgument"},
		{"PUT", "data/objects/Task/a/b", `{"Name":"x"}`, "InvalidArgument"},
		{"PUT", "data/objects/Task", ``, "InvalidQuery"},
		{"PUT", "data/objects/Nope", `{"Name":"x"}`, "InvalidField"},
	} {
		code, out := c.do(tt.method, tt.path, tt.body)
		if got := errorOf(t, code, out); got != tt.code {
			t.Errorf("%s %s: %s; want %s", tt.method, tt.path, got, tt.code)
		}
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task"}`); got != "t1,t2,t3,t4" {
		t.Errorf("tasks after refused calls: %s", got)
	}
}
