package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// The second C# client is Clarizen.Net of github.com/garfbradaz/clarizen.net
// (Clarizen.Net/Clarizen.Net/API Handlers/Authenticate.cs, Data.cs,
// RestClient.cs, Global.cs, Entities/Types.cs; the example
// "Example Use Case - Getting Tasks"/Program.cs). It talks through
// System.Net.WebClient with Newtonsoft.Json: UploadData (a POST) with
// Content-Type and Accept application/json, DownloadData (a GET with no
// body) with Content-Type: application/json, and Authorization: Session …
// once logged in. It sends no Accept-Encoding.

// garfbradazHeaders are the headers Clarizen.Net sets on every call; the
// explicit Accept-Encoding: identity stops Go's transport from adding gzip,
// as WebClient does not.
var garfbradazHeaders = []string{"Accept", "application/json", "Accept-Encoding", "identity"}

// garfbradazLogin replays Clarizen.Net's Authenticate constructor:
// getServerDefinition posted with the serialized ClarizenCredentials
// ({"Username", "Password"}: Newtonsoft's names of the C# properties, with
// a lower-case n), then a login at the returned serverLocation with the
// Login class, which adds LoginOptions {PartnerId: null, ApplicationId:
// "ClarizenAPIWrapper"}. It reads serverLocation and appLocation through
// the AuthenticateResponse constructor and sessionId, userId and
// organizationId from the login.
func garfbradazLogin(t *testing.T, lb *loopback) {
	t.Helper()
	lb.session = ""
	creds := `{"Username":"sam","Password":"secret"}`
	var def struct{ ServerLocation, AppLocation string }
	if err := json.Unmarshal([]byte(lb.ok("POST", "authentication/getServerDefinition", jsonType, creds, garfbradazHeaders...)), &def); err != nil {
		t.Fatal(err)
	}
	if def.ServerLocation != lb.url || def.AppLocation == "" {
		t.Fatalf("getServerDefinition: %+v; want serverLocation %s", def, lb.url)
	}
	login := `{"LoginOptions":{"PartnerId":null,"ApplicationId":"ClarizenAPIWrapper"},"Username":"sam","Password":"secret"}`
	code, _, out := lb.sendTo("POST", def.ServerLocation+"/authentication/login", jsonType, []byte(login), garfbradazHeaders...)
	var res struct{ SessionID, UserID, OrganizationID string }
	if err := json.Unmarshal(out, &res); code != 200 || err != nil || res.SessionID == "" || res.UserID != lastSegment(loopUserID) || res.OrganizationID == "" {
		t.Fatalf("login: %d %s", code, out)
	}
	lb.session = res.SessionID
}

// TestGarfbradazClarizenNetQueries replays the example program of
// Clarizen.Net (runCZQL): RestClient.ExecuteQuery posts the Query class to
// data/query, {"q", "parameters": [], "paging": {"from": 0, "limit": 100,
// "hasMore": false}} (Paging's defaults), the CZQL chained by Select, From
// and Where; the second query, built with Limit(1, 0), also carries
// LIMIT 1 OFFSET 0 in q and limit 1 in paging. The client picks its result
// class by finding "/Task" or "/Organization" in the answer and reads
// CreatedOn into a DateTime, Work and RemainingEffort into {unit, value},
// ActualCost into {currency, value}.
func TestGarfbradazClarizenNetQueries(t *testing.T) {
	lb := startLoopbackWith(t, func(d *Dataset) {
		tasks := d.Rows("Task")
		for i, start := range []string{"2015-05-20T08:00:00", "2015-06-15T08:00:00", "2016-01-04T08:00:00"} {
			tasks[i]["StartDate"] = start
			tasks[i]["CreatedOn"] = "2015-05-01T10:26:14.2291260"
			tasks[i]["Work"] = map[string]any{"unit": "Hours", "value": json.Number("16")}
			tasks[i]["RemainingEffort"] = map[string]any{"unit": "Hours", "value": json.Number("4")}
			tasks[i]["ActualCost"] = map[string]any{"currency": "GBP", "value": json.Number("120.5")}
		}
		d.Add("Organization", Row{"id": "/Organization/o1", "Name": "Bradaz Ltd", "C_TrelloAPIKey": "trello-key"})
	})
	garfbradazLogin(t, lb)

	body := `{"q":"SELECT Name,Work,CreatedOn,ActualCost,RemainingEffort FROM Task WHERE StartDate > 2015-06-01","parameters":[],"paging":{"from":0,"limit":100,"hasMore":false}}`
	got := lb.ok("POST", "data/query", jsonType, body, garfbradazHeaders...)
	var tasks struct {
		Entities []struct {
			ID              string
			Name            string
			CreatedOn       string
			Work            struct{ Unit, Value any }
			RemainingEffort struct{ Unit, Value any }
			ActualCost      struct{ Currency, Value any }
		}
		Paging struct {
			From, Limit int
			HasMore     bool
		}
	}
	if err := json.Unmarshal([]byte(got), &tasks); err != nil || !strings.Contains(got, "/Task") {
		t.Fatalf("Task query: %v %s", err, got)
	}
	if ids := idsOf(t, got); ids != "t2,t3" {
		t.Errorf("Task query: ids %s, want t2,t3: %s", ids, got)
	}
	for _, e := range tasks.Entities {
		if _, err := time.Parse("2006-01-02T15:04:05.9999999", e.CreatedOn); err != nil {
			t.Errorf("%s CreatedOn %q: not a DateTime", e.ID, e.CreatedOn)
		}
		if e.Work.Unit != "Hours" || e.Work.Value != 16.0 || e.RemainingEffort.Value != 4.0 || e.ActualCost.Currency != "GBP" || e.ActualCost.Value != 120.5 {
			t.Errorf("%s: %+v", e.ID, e)
		}
	}
	if p := tasks.Paging; p.From != 2 || p.Limit != 100 || p.HasMore {
		t.Errorf("Task query paging: %+v", p)
	}

	body = `{"q":"SELECT Name,C_TrelloAPIKey FROM Organization LIMIT 1 OFFSET 0","parameters":[],"paging":{"from":0,"limit":1,"hasMore":false}}`
	check(t, "Organization query", lb.ok("POST", "data/query", jsonType, body, garfbradazHeaders...),
		`{"entities":[{"id":"/Organization/o1","Name":"Bradaz Ltd","C_TrelloAPIKey":"trello-key"}],"paging":{"from":1,"limit":1,"hasMore":false}}`)
}

// TestGarfbradazClarizenNetMetadata replays Clarizen.Net's metadata calls,
// GETs through DownloadData with Content-Type: application/json and no
// body: the ListEntities property (metadata/listEntities, read as
// {"typeNames": […]}), GetAllMetadata() (describeMetadata with no query
// string), GetAllMetadata(entityType.Task) (?typeNames=Task&flags=fields)
// and GetAllMetadataDescribeEntitiesAndGetAllFields(entityType.Task)
// (describeEntities?typeNames=Task), which reads every field's name and
// type into the DescribeEntity class (bool flags, int decimalPlaces, int?
// maxLength) to build a sample object per type.
func TestGarfbradazClarizenNetMetadata(t *testing.T) {
	lb := startLoopback(t)
	garfbradazLogin(t, lb)
	get := func(endpoint string) string {
		t.Helper()
		return lb.ok("GET", endpoint, jsonType, "", garfbradazHeaders...)
	}
	var list struct{ TypeNames []string }
	if err := json.Unmarshal([]byte(get("metadata/listEntities")), &list); err != nil || !slices.Contains(list.TypeNames, "Task") || !slices.Contains(list.TypeNames, "Organization") {
		t.Errorf("listEntities: %v %v", err, list.TypeNames)
	}

	var all struct{ EntityDescriptions []map[string]any }
	if err := json.Unmarshal([]byte(get("metadata/describeMetadata")), &all); err != nil || len(all.EntityDescriptions) != len(list.TypeNames) {
		t.Fatalf("describeMetadata: %v, %d descriptions for %d types", err, len(all.EntityDescriptions), len(list.TypeNames))
	}
	for _, d := range all.EntityDescriptions {
		if _, ok := d["fields"]; ok {
			t.Errorf("describeMetadata without flags: %s has fields", d["typeName"])
		}
	}

	for _, endpoint := range []string{"metadata/describeMetadata?typeNames=Task&flags=fields", "metadata/describeEntities?typeNames=Task"} {
		var doc struct {
			EntityDescriptions []struct {
				TypeName string
				Fields   []map[string]any
			}
		}
		if err := json.Unmarshal([]byte(get(endpoint)), &doc); err != nil || len(doc.EntityDescriptions) != 1 || doc.EntityDescriptions[0].TypeName != "Task" {
			t.Fatalf("%s: %v %+v", endpoint, err, doc)
		}
		types := map[string]string{}
		for _, f := range doc.EntityDescriptions[0].Fields {
			name, _ := f["name"].(string)
			types[name], _ = f["type"].(string)
			for _, flag := range []string{"system", "calculated", "nullable", "createOnly", "updateable", "internal", "custom", "visible", "filterable", "sortable"} {
				if _, ok := f[flag].(bool); !ok {
					t.Errorf("%s: field %s: %s is %v, not a bool", endpoint, name, flag, f[flag])
				}
			}
			if _, ok := f["decimalPlaces"].(float64); !ok {
				t.Errorf("%s: field %s: decimalPlaces %v", endpoint, name, f["decimalPlaces"])
			}
			if m, ok := f["maxLength"]; ok {
				if _, ok := m.(float64); !ok {
					t.Errorf("%s: field %s: maxLength %v", endpoint, name, m)
				}
			}
		}
		want := map[string]string{"Name": "String", "Work": "Duration", "CreatedOn": "DateTime", "ActualCost": "Money", "Manager": "Entity", "PercentCompleted": "Double", "Priority": "Integer", "Billable": "Boolean"}
		for name, typ := range want {
			if types[name] != typ {
				t.Errorf("%s: field %s has type %q, want %s", endpoint, name, types[name], typ)
			}
		}
	}
}
