package sandbox

import "testing"

func cmp(field, op, value string) string {
	return `{"typeName":"Task","where":{"leftExpression":{"fieldName":"` + field + `"},"operator":"` + op + `","rightExpression":` + value + `}}`
}

func TestOperators(t *testing.T) {
	c := newTestServer(t, nil)
	tests := []struct{ body, want string }{
		{cmp("Name", "Equal", `{"value":"design api"}`), "t1"},
		{cmp("Name", "NotEqual", `{"value":"Design API"}`), "t2,t3,t4"},
		{cmp("PercentCompleted", "LessThan", `{"value":50}`), "t4"},
		{cmp("PercentCompleted", "GreaterThan", `{"value":50}`), "t2,t3"},
		{cmp("PercentCompleted", "LessThanOrEqual", `{"value":50}`), "t1,t4"},
		{cmp("PercentCompleted", "GreaterThanOrEqual", `{"value":90}`), "t2,t3"},
		{cmp("Name", "BeginsWith", `{"value":"DE"}`), "t1,t4"},
		{cmp("Name", "EndsWith", `{"value":"api"}`), "t1,t3"},
		{cmp("Name", "Contains", `{"value":"u"}`), "t2"},
		{cmp("Name", "DoesNotContain", `{"value":"api"}`), "t2,t4"},
		{cmp("State", "In", `{"values":["Draft","Completed"]}`), "t2,t3"},
		{cmp("Name", "Like", `{"value":"%API"}`), "t1,t3"},
		{cmp("Name", "Like", `{"value":"test_api"}`), "t3"},
		{cmp("Name", "Like", `{"value":"b_ild%"}`), "t2"},
		{cmp("Name", "Like", `{"value":"_"}`), ""},
		{cmp("DueDate", "Equal", `{"value":null}`), "t3"},
		{cmp("Manager", "NotEqual", `{"value":null}`), "t1,t2,t3"},
		{cmp("Manager", "Equal", `{"value":"/User/u1"}`), "t1,t3"},
		{cmp("State", "Equal", `{"value":"Active"}`), "t1,t4"},
		{cmp("State", "Equal", `{"value":"/State/Draft"}`), "t2"},
		{cmp("Manager.Name", "Equal", `{"value":"Ana Bell"}`), "t2"},
		{cmp("DueDate", "Equal", `{"value":"2024-03-01"}`), "t1"},
		{cmp("DueDate", "GreaterThan", `{"value":"2024-03-01"}`), "t2"},
		{cmp("DueDate", "LessThan", `{"value":"2024-03-01T18:00:00"}`), "t1,t4"},
		{cmp("Duration", "GreaterThan", `{"value":3}`), "t1"},
		{cmp("Manager", "In", `{"query":{"_type":"entityQuery","typeName":"User","where":{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"S%"}}}}`), "t1,t3"},
		{`{"typeName":"Task","where":{"and":[{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}},{"leftExpression":{"fieldName":"PercentCompleted"},"operator":"GreaterThan","rightExpression":{"value":10}}]}}`, "t1"},
		{`{"typeName":"Task","where":{"or":[{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Draft"}},{"leftExpression":{"fieldName":"PercentCompleted"},"operator":"Equal","rightExpression":{"value":100}}]}}`, "t2,t3"},
		{`{"typeName":"Task","where":{"not":` + `{"leftExpression":{"fieldName":"State"},"operator":"In","rightExpression":{"values":["Active"]}}}}`, "t2,t3"},
		// Unknown (a null compared) stays unknown under not.
		{`{"typeName":"Task","where":{"not":{"leftExpression":{"fieldName":"DueDate"},"operator":"LessThan","rightExpression":{"value":"2024-03-02"}}}}`, "t2"},
		{`{"typeName":"Task","where":{"text":"PercentCompleted >= :p AND State = 'Active'","parameters":{"p":1}}}`, "t1"},
	}
	for _, tt := range tests {
		if got := c.ids("data/entityQuery", tt.body); got != tt.want {
			t.Errorf("%s\n got %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestProjectionAndOrders(t *testing.T) {
	c := newTestServer(t, nil)
	got := c.query("data/entityQuery", `{"typeName":"task","fields":["name","Manager.Name","manager.DirectManager","State","Duration"],"orders":[{"fieldName":"Manager.Name","order":"Ascending"},{"fieldName":"Name","order":"Descending"}]}`)
	want := compact(`{"entities":[
	 {"id":"/Task/t4","name":"deploy","Manager":null,"State":{"id":"/State/Active"},"Duration":null},
	 {"id":"/Task/t2","name":"Build UI","Manager":{"id":"/User/u2","Name":"Ana Bell","DirectManager":{"id":"/User/u1"}},"State":{"id":"/State/Draft"},"Duration":{"durationType":"Default","unit":"Days","value":2}},
	 {"id":"/Task/t3","name":"Test_API","Manager":{"id":"/User/u1","Name":"Sam Stone","DirectManager":null},"State":{"id":"/State/Completed"},"Duration":null},
	 {"id":"/Task/t1","name":"Design API","Manager":{"id":"/User/u1","Name":"Sam Stone","DirectManager":null},"State":{"id":"/State/Active"},"Duration":{"durationType":"Default","unit":"Days","value":5}}],
	 "paging":{"from":4,"limit":100,"hasMore":false}}`)
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task","orders":[{"fieldName":"DueDate","order":"Descending"}]}`); got != "t2,t1,t4,t3" {
		t.Errorf("nulls last descending: %s", got)
	}
}

func TestPaging(t *testing.T) {
	c := newTestServer(t, nil)
	got := c.query("data/entityQuery", `{"typeName":"Task","paging":{"from":1,"limit":2}}`)
	if want := `{"entities":[{"id":"/Task/t2"},{"id":"/Task/t3"}],"paging":{"from":3,"limit":2,"hasMore":true}}`; got != want {
		t.Errorf("got %s", got)
	}
	got = c.query("data/entityQuery", `{"typeName":"Task","paging":{"from":3,"limit":2}}`)
	if want := `{"entities":[{"id":"/Task/t4"}],"paging":{"from":4,"limit":2,"hasMore":false}}`; got != want {
		t.Errorf("got %s", got)
	}
}
