package sandbox

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"
)

// TestGuideAuthentication replays the authentication examples of the API
// guide: cURL -d posts relaxed JSON ({UserName: "user", …}) with cURL's
// form Content-Type.
func TestGuideAuthentication(t *testing.T) {
	lb := startLoopback(t)
	lb.session = ""
	got := lb.ok("POST", "authentication/getServerDefinition", formType, `{UserName: "sam", Password: "secret"}`)
	if !strings.Contains(got, `"serverLocation":"`+lb.url+`"`) {
		t.Errorf("getServerDefinition: %s", got)
	}
	var login struct{ SessionID, UserID string }
	if err := json.Unmarshal([]byte(lb.ok("POST", "authentication/login", formType, `{userName:"sam",password:"secret"}`)), &login); err != nil || login.SessionID == "" {
		t.Fatalf("login: %v", err)
	}
	if login.UserID != lastSegment(loopUserID) { // the guide's form: a bare id
		t.Errorf("login userId %s; want %s", login.UserID, lastSegment(loopUserID))
	}
	lb.session = login.SessionID
	if got := lb.ok("GET", "authentication/GetSessionInfo", "", ""); !strings.Contains(got, `"userId":"u1"`) {
		t.Errorf("GetSessionInfo: %s", got)
	}
}

// TestGuideObjects replays the guide's CRUD examples on an Issue: PUT
// creates ({title: 'Issue 1'}), GET reads CreatedOn and CreatedBy with
// CreatedBy.Name, POST updates, DELETE removes.
func TestGuideObjects(t *testing.T) {
	lb := startLoopback(t)
	var created struct{ ID string }
	if err := json.Unmarshal([]byte(lb.ok("PUT", "data/objects/issue", formType, `{title: 'Issue 1'}`)), &created); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.ID, "/Issue/") {
		t.Fatalf("created id %q; want /Issue/…", created.ID)
	}
	local := strings.TrimPrefix(created.ID, "/Issue/")
	var read map[string]any
	got := lb.ok("GET", "data/objects/Issue/"+local+"?fields=CreatedOn,CreatedBy,CreatedBy.Name,title", "", "")
	if err := json.Unmarshal([]byte(got), &read); err != nil {
		t.Fatal(err)
	}
	if read["id"] != created.ID || read["title"] != "Issue 1" {
		t.Errorf("GET: %s", got)
	}
	if by, _ := read["CreatedBy"].(map[string]any); by["id"] != loopUserID || by["Name"] != "Sam Stone" {
		t.Errorf("GET CreatedBy: %s", got)
	}
	if on, _ := read["CreatedOn"].(string); len(on) != len("2014-04-06T10:26:14.2291260") {
		t.Errorf("GET CreatedOn %q; want the API's date-time layout", on)
	}
	// The guide updates priority: 5; the fixture's Priority pick list has
	// the values 1 to 4, so 3 is taken and 5 refused.
	check(t, "POST priority", lb.ok("POST", "data/objects/Issue/"+local, formType, `{priority: 3}`), `{}`)
	if code := lb.fails("POST", "data/objects/Issue/"+local, formType, `{priority: 5}`); code != "EntityNotFound" {
		t.Errorf("priority 5: %s", code)
	}
	check(t, "GET priority", lb.ok("GET", "data/objects/Issue/"+local+"?fields=Priority", "", ""), `{"id":"`+created.ID+`","Priority":{"id":"/Priority/3"}}`)
	check(t, "DELETE", lb.ok("DELETE", "data/objects/Issue/"+local, "", ""), `{}`)
	if code := lb.fails("GET", "data/objects/Issue/"+local, "", ""); code != "EntityNotFound" {
		t.Errorf("GET after DELETE: %s", code)
	}
}

// TestGuideQueries replays the guide's EntityQuery (relaxed JSON, a
// `_type: 'Compare'` condition, lower-case field names) and the same query
// in CZQL through GET data/query?q=.
func TestGuideQueries(t *testing.T) {
	lb := startLoopback(t)
	lb.ok("PUT", "data/objects/issue", formType, `{title: 'Issue 1'}`)
	body := `{
    typeName: 'Issue',
    fields: ['createdOn','title'],
    orders: [{fieldName: 'createdOn', order: 'Ascending'}],
    where: {
           _type: 'Compare',
           leftExpression: {fieldName: 'createdOn'},
           operator: 'GreaterThan',
           rightExpression: {value: '2014-04-03'}
    }
}`
	var res struct {
		Entities []map[string]any
		Paging   map[string]any
	}
	if err := json.Unmarshal([]byte(lb.ok("POST", "data/EntityQuery", formType, body)), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) != 1 || res.Entities[0]["title"] != "Issue 1" || res.Entities[0]["createdOn"] == nil {
		t.Errorf("EntityQuery: %+v", res.Entities)
	}
	q := url.QueryEscape("SELECT createdOn,title FROM Issue WHERE createdOn>2014-04-03")
	if got := idsOf(t, lb.ok("GET", "data/query?q="+q, "", "")); got != "new1" {
		t.Errorf("CZQL: %s", got)
	}
}

// TestGuideBulk replays the guide's bulk example: the object URL has the
// type in lower case and a bare id, the update's body is a string of
// relaxed JSON, and the GET asks for fields=duration.
func TestGuideBulk(t *testing.T) {
	lb := startLoopback(t)
	body := `{requests:[
{
  url:'/data/objects/task/t1',
  method: 'POST',
  body: '{startDate: \"2014-04-20\",dueDate: \"2014-04-25\"}'
},
{
  url:'/data/objects/task/t1?fields=duration,startDate',
  method: 'GET'
}
]}`
	want := `{"responses":[{"statusCode":200,"body":{}},
		{"statusCode":200,"body":{"id":"/Task/t1","duration":{"durationType":"Default","unit":"Days","value":5},"startDate":"2014-04-20"}}]}`
	check(t, "bulk", lb.ok("POST", "bulk/execute", formType, body), want)
}

// TestGuideCompression posts a gzip-compressed body with Content-Encoding:
// gzip, as the guide's Compression section allows.
func TestGuideCompression(t *testing.T) {
	lb := startLoopback(t)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(`{"typeName":"Task","fields":["Name"],"where":{"leftExpression":{"fieldName":"Name"},"operator":"Equal","rightExpression":{"value":"Build UI"}}}`))
	zw.Close()
	code, out := lb.sendBytes("POST", "data/entityQuery", jsonType, b.Bytes(), "Content-Encoding", "gzip", "Accept-Encoding", "gzip")
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the answer to Accept-Encoding: gzip is not gzip: %v", err)
	}
	if out, err = io.ReadAll(zr); err != nil {
		t.Fatal(err)
	}
	if code != 200 || idsOf(t, string(out)) != "t2" {
		t.Errorf("gzip entityQuery: %d %s", code, out)
	}
}

// TestEntityQueryDeleted asks entityQuery for deleted entities, as the
// reference's deleted flag does (POST and GET): the sandbox has no recycle
// bin, so none are found, and the query is still checked.
func TestEntityQueryDeleted(t *testing.T) {
	c := newTestServer(t, nil)
	if got := c.ids("data/entityQuery", `{"typeName":"Task","deleted":true}`); got != "" {
		t.Errorf("deleted tasks: %q", got)
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task","Deleted":false}`); got != "t1,t2,t3,t4" {
		t.Errorf("tasks: %q", got)
	}
	code, out := c.do("GET", "data/entityQuery?typeName=Task&fields=Name&deleted=True", "")
	if code != 200 || !strings.Contains(string(out), `"entities":[]`) {
		t.Errorf("GET deleted=True: %d %s", code, out)
	}
	code, out = c.do("POST", "data/entityQuery", `{"typeName":"Nope","deleted":true}`)
	if errorOf(t, code, out) != "InvalidType" && errorOf(t, code, out) != "InvalidField" {
		t.Errorf("unknown type with deleted: %s", out)
	}
}
