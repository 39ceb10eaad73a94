package sandbox

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestFluxIXLogin replays the FluxIX Python client's getServerDefinition and
// login: requests.post(url, data={"userName": …, "password": …}), a
// form-encoded body.
func TestFluxIXLogin(t *testing.T) {
	lb := startLoopback(t)
	lb.session = ""
	form := url.Values{"userName": {"sam"}, "password": {"secret"}}.Encode()
	if got := lb.ok("POST", "authentication/getServerDefinition", formType, form); !strings.Contains(got, `"appLocation"`) {
		t.Errorf("getServerDefinition: %s", got)
	}
	var login struct{ SessionID, UserID, OrganizationID, LicenseType string }
	if err := json.Unmarshal([]byte(lb.ok("POST", "authentication/login", formType, form)), &login); err != nil {
		t.Fatal(err)
	}
	if login.SessionID == "" || login.UserID != lastSegment(loopUserID) || login.LicenseType == "" {
		t.Errorf("login: %+v", login)
	}
}

// TestFluxIXMetadata replays the FluxIX client's meta__describe_entities
// (GET params={"typeNames": "Task,User"}) and
// meta__describe_entity_relations (a form-encoded POST of typeNames).
func TestFluxIXMetadata(t *testing.T) {
	lb := startLoopback(t)
	var doc struct {
		EntityDescriptions []struct {
			TypeName string
			Fields   []struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(lb.ok("GET", "metadata/describeEntities?typeNames=Task%2CUser", "", "")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.EntityDescriptions) != 2 || doc.EntityDescriptions[0].TypeName != "Task" || len(doc.EntityDescriptions[0].Fields) == 0 {
		t.Errorf("describeEntities: %+v", doc)
	}
	var rels struct {
		EntityRelations []struct{ TypeName string }
	}
	if err := json.Unmarshal([]byte(lb.ok("POST", "metadata/describeEntityRelations", formType, "typeNames=Task%2CUser")), &rels); err != nil {
		t.Fatal(err)
	}
	if len(rels.EntityRelations) != 2 || rels.EntityRelations[1].TypeName != "User" {
		t.Errorf("describeEntityRelations: %+v", rels)
	}
}

// TestFluxIXQueries replays the FluxIX client's query_entities (GET
// data/entityQuery with params typeName, fields and deleted=False),
// query_users (a form-encoded POST to data/findUserQuery) and
// query_timesheet (GET with iAmTheApprover=False).
func TestFluxIXQueries(t *testing.T) {
	lb := startLoopback(t)
	params := url.Values{"typeName": {"Task"}, "fields": {"Name,State"}, "deleted": {"False"}}
	got := lb.ok("GET", "data/entityQuery?"+params.Encode(), "", "")
	if !strings.Contains(got, `{"id":"/Task/t2","Name":"Build UI","State":{"id":"/State/Draft"}}`) || idsOf(t, got) != "t1,t2,t3,t4" {
		t.Errorf("entityQuery: %s", got)
	}
	form := url.Values{"fuzzySearchUserName": {"False"}, "includeSuspendedUsers": {"False"}, "lastName": {"Bell"}, "fields": {"FirstName,LastName"}}
	want := `{"entities":[{"id":"/User/u2","FirstName":"Ana","LastName":"Bell"}],"paging":{"from":1,"limit":100,"hasMore":false}}`
	check(t, "findUserQuery", lb.ok("POST", "data/findUserQuery", formType, form.Encode()), want)
	params = url.Values{"typeName": {"Timesheet"}, "iAmTheApprover": {"False"}, "projectId": {"/Project/p1"}, "deleted": {"False"}}
	if ids := idsOf(t, lb.ok("GET", "data/timesheetQuery?"+params.Encode(), "", "")); ids != "ts1,ts2" {
		t.Errorf("timesheetQuery: %s", ids)
	}
	params = url.Values{"typeName": {"Expense"}, "customerId": {"/Customer/c1"}, "deleted": {"False"}}
	if ids := idsOf(t, lb.ok("GET", "data/expenseQuery?"+params.Encode(), "", "")); ids != "e1" {
		t.Errorf("expenseQuery: %s", ids)
	}
}

// TestFluxIXObjectsStateAndFiles replays the FluxIX client's get_object
// (GET data/objects/Task/t2 with fields), change_entity_state (a form with
// ids repeated) and get_download_file_information (GET with documentId and
// redirect=False).
func TestFluxIXObjectsStateAndFiles(t *testing.T) {
	lb := startLoopback(t)
	check(t, "get_object", lb.ok("GET", "data/objects/Task/t2?fields=Name%2CManager.Name", "", ""),
		`{"id":"/Task/t2","Name":"Build UI","Manager":{"id":"/User/u2","Name":"Ana Bell"}}`)
	form := url.Values{"ids": {"/Task/t2", "/Task/t4"}, "state": {"On Hold"}}
	check(t, "change_entity_state", lb.ok("POST", "data/changeState", formType, form.Encode()), `{}`)
	if ids := idsOf(t, lb.ok("GET", "data/query?q="+url.QueryEscape("SELECT Name FROM Task WHERE State = 'On Hold'"), "", "")); ids != "t2,t4" {
		t.Errorf("after changeState: %s", ids)
	}
	if code := lb.fails("GET", "files/download?documentId=%2FDocument%2Fd1&redirect=False", "", ""); code != "FileNotFound" {
		t.Errorf("download: %s", code)
	}
}

// TestClarizenDashPython replays the clarizen-dash Python dashboard:
// data/query GETs with multi-line CZQL in params={"q": …}, and a
// relationQuery posted as data=str(req_data), Python's dict syntax with
// single quotes.
func TestClarizenDashPython(t *testing.T) {
	lb := startLoopback(t)
	q := "SELECT @Name, Manager.Name,\n            PercentCompleted FROM WorkItem WHERE\n            Project='/Project/p1'"
	if ids := idsOf(t, lb.ok("GET", "data/query?"+url.Values{"q": {q}}.Encode(), "", "")); ids != "t1,t2" {
		t.Errorf("query: %s", ids)
	}
	body := `{'entityId': '/User/u1', 'relationName': 'DirectReports', 'fields': ['Name', 'DirectManager.Name']}`
	want := `{"entities":[{"id":"/User/u2","Name":"Ana Bell","DirectManager":{"id":"/User/u1","Name":"Sam Stone"}},` +
		`{"id":"/User/u3","Name":"Noa Park","DirectManager":{"id":"/User/u1","Name":"Sam Stone"}}],"paging":{"from":2,"limit":100,"hasMore":false}}`
	check(t, "relationQuery", lb.ok("POST", "data/relationQuery", "", body), want)
}
