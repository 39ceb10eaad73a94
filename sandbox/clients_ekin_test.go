package sandbox

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEkinEntityQuery replays Ekin.Clarizen's Data.EntityQuery: PascalCase
// properties, `_type` on every condition and expression, operator names
// as the library's enum prints them, and an In list sent as Value.
func TestEkinEntityQuery(t *testing.T) {
	lb := startLoopback(t)
	body := `{"_type":"entityQuery","TypeName":"Task","Fields":["Name","Manager.Name"],"Where":{"_type":"And","And":[` +
		`{"_type":"Compare","LeftExpression":{"_type":"FieldExpression","FieldName":"State"},"Operator":"Equal","RightExpression":{"_type":"ConstantExpression","Value":"Active"}},` +
		`{"_type":"Compare","LeftExpression":{"_type":"FieldExpression","FieldName":"Manager"},"Operator":"in","RightExpression":{"_type":"ConstantListExpression","Value":["/User/u1","/User/u2"]}}]},` +
		`"Orders":[{"FieldName":"Name","Order":"Descending"}],"Paging":{"From":0,"Limit":10,"HasMore":false}}`
	want := `{"entities":[{"id":"/Task/t1","Name":"Design API","Manager":{"id":"/User/u1","Name":"Sam Stone"}}],"paging":{"from":1,"limit":10,"hasMore":false}}`
	check(t, "entityQuery", lb.ok("POST", "data/entityQuery", jsonType, body), want)
}

// TestEkinQuery replays Ekin.Clarizen's Data.Query, which sends
// "parameters": [] with every CZQL query, and its CountQuery.
func TestEkinQuery(t *testing.T) {
	lb := startLoopback(t)
	got := lb.ok("POST", "data/query", jsonType, `{"q":"SELECT Name FROM Task WHERE State = 'Active' ORDER BY Name","parameters":[],"paging":{"from":0,"limit":100}}`)
	if ids := idsOf(t, got); ids != "t4,t1" { // case-insensitive order: deploy < Design API
		t.Errorf("query: %s", got)
	}
	got = lb.ok("POST", "data/countQuery", jsonType, `{"Query":{"_type":"entityQuery","TypeName":"Task","Where":{"_type":"cZQLCondition","Text":"PercentCompleted >= 50"}}}`)
	check(t, "countQuery", got, `{"count":3}`)
}

// TestEkinMetadata replays Ekin.Clarizen's metadata calls:
// describeMetadata and describeEntities are GETs whose query strings carry
// PascalCase names (TypeNames=…&Flags=…), describeEntityRelations is a
// POST of {"TypeNames": […]}.
func TestEkinMetadata(t *testing.T) {
	lb := startLoopback(t)
	var doc struct {
		EntityDescriptions []map[string]json.RawMessage
	}
	if err := json.Unmarshal([]byte(lb.ok("GET", "metadata/describeMetadata?TypeNames=Task&Flags=Fields", "", "")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.EntityDescriptions) != 1 || doc.EntityDescriptions[0]["fields"] == nil || doc.EntityDescriptions[0]["relations"] != nil {
		t.Errorf("describeMetadata?TypeNames=Task&Flags=Fields: %d descriptions", len(doc.EntityDescriptions))
	}
	doc.EntityDescriptions = nil
	if err := json.Unmarshal([]byte(lb.ok("GET", "metadata/describeEntities?TypeNames=Task,User", "", "")), &doc); err != nil {
		t.Fatal(err)
	}
	if n := len(doc.EntityDescriptions); n != 2 || doc.EntityDescriptions[1]["fields"] == nil || doc.EntityDescriptions[1]["relations"] != nil {
		t.Errorf("describeEntities: %d descriptions, want Task and User with fields only", n)
	}
	var rels struct {
		EntityRelations []struct {
			TypeName  string
			Relations []struct{ Name, LinkTypeName string }
		}
	}
	if err := json.Unmarshal([]byte(lb.ok("POST", "metadata/describeEntityRelations", jsonType, `{"TypeNames":["User"]}`)), &rels); err != nil {
		t.Fatal(err)
	}
	if len(rels.EntityRelations) != 1 || rels.EntityRelations[0].TypeName != "User" || len(rels.EntityRelations[0].Relations) == 0 {
		t.Errorf("describeEntityRelations: %+v", rels)
	}
	if code := lb.fails("GET", "metadata/describeEntities?typeNames=Nope", "", ""); code != "InvalidType" {
		t.Errorf("unknown type: %s", code)
	}
}

// TestEkinSearch replays Ekin.Clarizen's Data.Search: a GET with q,
// fields and typeName in the query string, and the search of all types.
func TestEkinSearch(t *testing.T) {
	lb := startLoopback(t)
	got := lb.ok("GET", "data/search?q=api&fields=Name&typeName=Task", "", "")
	want := `{"entities":[{"id":"/Task/t1","Name":"Design API"},{"id":"/Task/t3","Name":"Test_API"}],"paging":{"from":2,"limit":100,"hasMore":false}}`
	check(t, "search in Task", got, want)
	got = lb.ok("GET", "data/search?q=Sam", "", "")
	want = `{"entities":[{"id":"/User/u1","DisplayName":"Sam Stone"},{"id":"/User/u4","DisplayName":null}],"paging":{"from":2,"limit":100,"hasMore":false}}`
	check(t, "search everywhere", got, want)
	if code := lb.fails("GET", "data/search?q=Sam&fields=Name", "", ""); code != "InvalidArgument" {
		t.Errorf("fields without typeName: %s", code)
	}
}

// TestEkinChangeState replays Ekin.Clarizen's Data.ChangeState, a POST of
// {"Ids": […], "State": …}: all the entities change or none.
func TestEkinChangeState(t *testing.T) {
	lb := startLoopback(t)
	check(t, "changeState", lb.ok("POST", "data/changeState", jsonType, `{"Ids":["/Task/t1","/task/T2"],"State":"completed"}`), `{}`)
	got := lb.ok("POST", "data/query", jsonType, `{"q":"SELECT State FROM Task WHERE State = 'Completed' ORDER BY Name"}`)
	if ids := idsOf(t, got); ids != "t2,t1,t3" {
		t.Errorf("after changeState: %s", got)
	}
	if code := lb.fails("POST", "data/changeState", jsonType, `{"Ids":["/Task/t4","/Task/t99"],"State":"Active"}`); code != "EntityNotFound" {
		t.Errorf("unknown id: %s", code)
	}
	if code := lb.fails("POST", "data/changeState", jsonType, `{"Ids":["/Task/t4"],"State":"Approved"}`); code != "InvalidArgument" {
		t.Errorf("state not valid for Task: %s", code)
	}
	check(t, "t4 unchanged", lb.ok("GET", "data/objects/Task/t4?fields=State", "", ""), `{"id":"/Task/t4","State":{"id":"/State/Active"}}`)
}

// TestEkinCalendarAndUsers replays Ekin.Clarizen's Data.GetCalendarInfo
// (GET ?userId=) and Data.FindUserQuery (a `_type`-tagged PascalCase POST).
func TestEkinCalendarAndUsers(t *testing.T) {
	lb := startLoopback(t)
	day := func(h float64) string {
		b, _ := json.Marshal(obj{{"isWorkingDay", true}, {"totalWorkingHours", h}, {"startHour", 9.0}, {"endHour", 9 + h}})
		return string(b)
	}
	off := `{"isWorkingDay":false,"totalWorkingHours":0,"startHour":0,"endHour":0}`
	want := `{"weekStartsOn":"Sunday","weekDayInformation":[` + off + strings.Repeat(","+day(6), 5) + "," + off + `],"defaultWorkingDay":` + day(6) + `,"workingDaysPerMonth":20}`
	check(t, "getCalendarInfo", lb.ok("GET", "data/getCalendarInfo?userId=/User/u1", "", ""), want)
	if code := lb.fails("GET", "data/getCalendarInfo?userId=/User/u99", "", ""); code != "EntityNotFound" {
		t.Errorf("unknown user: %s", code)
	}
	body := `{"_type":"findUserQuery","FirstName":"sam","LastName":null,"Email":null,"FuzzySearchUserName":false,"IncludeSuspendedUsers":false,"Fields":["DisplayName","Email"],"Orders":null,"Paging":null}`
	want = `{"entities":[{"id":"/User/u1","DisplayName":"Sam Stone","Email":"sam@example.com"}],"paging":{"from":1,"limit":100,"hasMore":false}}`
	check(t, "findUserQuery", lb.ok("POST", "data/findUserQuery", jsonType, body), want)
	body = `{"FirstName":"sa","FuzzySearchUserName":true,"IncludeSuspendedUsers":true}`
	if got := idsOf(t, lb.ok("POST", "data/findUserQuery", jsonType, body)); got != "u1,u4" {
		t.Errorf("fuzzy with suspended users: %s", got)
	}
}

// TestEkinExpensesAndTimesheets replays Ekin.Clarizen's Data.ExpenseQuery
// and Data.TimesheetQuery: entityQuery bodies with projectId, customerId,
// workItems, timesheetState and iAmTheApprover.
func TestEkinExpensesAndTimesheets(t *testing.T) {
	lb := startLoopback(t)
	got := lb.ok("POST", "data/expenseQuery", jsonType, `{"ProjectId":"/Project/p1","TypeName":"Expense","Fields":["Name","Amount"],"Deleted":false}`)
	check(t, "expenseQuery by project", got, `{"entities":[{"id":"/Expense/e1","Name":"Flights","Amount":{"currency":"USD","value":420}}],"paging":{"from":1,"limit":100,"hasMore":false}}`)
	if ids := idsOf(t, lb.ok("POST", "data/expenseQuery", jsonType, `{"CustomerId":"/Customer/c1"}`)); ids != "e1" {
		t.Errorf("expenseQuery by customer: %s", ids)
	}
	if ids := idsOf(t, lb.ok("POST", "data/expenseQuery", jsonType, `{"TypeName":"Expense","Deleted":true}`)); ids != "" {
		t.Errorf("deleted expenses: %s", ids)
	}
	for body, want := range map[string]string{
		`{"TypeName":"Timesheet","ProjectId":"/Project/p1"}`:                               "ts1,ts2",
		`{"TypeName":"Timesheet","WorkItems":["/Task/t2","/Task/t3"]}`:                     "ts2,ts3",
		`{"TypeName":"Timesheet","TimesheetState":"PendingApproval"}`:                      "ts1",
		`{"TypeName":"Timesheet","TimesheetState":"All","IAmTheApprover":true}`:            "ts1,ts2",
		`{"TypeName":"Timesheet","Where":{"Text":"State = 'Unsubmitted'"},"Paging":null}`:  "ts3",
		`{"TypeName":"Timesheet","CustomerId":"/Customer/c1","TimesheetState":"Approved"}`: "ts2",
	} {
		if got := idsOf(t, lb.ok("POST", "data/timesheetQuery", jsonType, body)); got != want {
			t.Errorf("timesheetQuery %s: %s; want %s", body, got, want)
		}
	}
	if code := lb.fails("POST", "data/timesheetQuery", jsonType, `{"TimesheetState":"Pending"}`); code != "InvalidArgument" {
		t.Errorf("unknown timesheetState: %s", code)
	}
}

// TestEkinObjectsAndFiles replays Ekin.Clarizen's objects_put (PUT to
// "/data/objects" + "/Task", a create), objects_post (an update) and
// Files.Download (GET ?documentId=).
func TestEkinObjectsAndFiles(t *testing.T) {
	lb := startLoopback(t)
	check(t, "objects_put", lb.ok("PUT", "data/objects/Task", jsonType, `{"Name":"Write docs","Manager":{"id":"/User/u2"},"Work":"8h","Priority":"2"}`), `{"id":"/Task/new1"}`)
	check(t, "objects_put with an id", lb.ok("PUT", "data/objects/Task/docs2", jsonType, `{"Name":"More docs"}`), `{"id":"/Task/docs2"}`)
	if code := lb.fails("PUT", "data/objects/Task/docs2", jsonType, `{"Name":"Again"}`); code != "DuplicateKey" {
		t.Errorf("PUT of a taken id: %s", code)
	}
	check(t, "objects_post", lb.ok("POST", "data/objects/Task/new1", jsonType, `{"PercentCompleted":"12.5"}`), `{}`)
	got := lb.ok("GET", "data/objects/Task/new1?fields=Name,Manager,Work,Priority,PercentCompleted,EntityType", "", "")
	want := `{"id":"/Task/new1","Name":"Write docs","Manager":{"id":"/User/u2"},"Work":{"durationType":"Default","unit":"Hours","value":8},"Priority":2,"PercentCompleted":12.5,"EntityType":{"id":"/EntityType/Task"}}`
	check(t, "GET after put and post", got, want)
	if code := lb.fails("GET", "files/download?documentId=/Document/d1", "", ""); code != "FileNotFound" {
		t.Errorf("download: %s", code)
	}
	if code := lb.fails("GET", "files/download?documentId=/Document/d9", "", ""); code != "EntityNotFound" {
		t.Errorf("download of an unknown document: %s", code)
	}
}
