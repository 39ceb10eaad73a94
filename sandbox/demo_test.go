package sandbox

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// demoServer serves the demo organisation.
func demoServer(t *testing.T) *tclient {
	t.Helper()
	return newTestServer(t, func(o *Options) { o.Metadata, o.Data = nil, nil })
}

// rowsOf runs a CZQL query and returns its rows.
func (c *tclient) rowsOf(q string) []map[string]any {
	c.t.Helper()
	body, _ := json.Marshal(map[string]string{"q": q})
	var res struct{ Entities []map[string]any }
	if err := json.Unmarshal([]byte(c.query("data/query", string(body))), &res); err != nil {
		c.t.Fatal(err)
	}
	return res.Entities
}

// TestDemoEntityType checks that every row has its EntityType, so that
// the queries of public code that filter on it match.
func TestDemoEntityType(t *testing.T) {
	c := demoServer(t)
	if rows := c.rowsOf("SELECT COUNT(Name) AS n FROM WorkItem WHERE EntityType = 'Project'"); len(rows) != 1 || rows[0]["n"] != 300.0 {
		t.Errorf("projects by EntityType: %v", rows)
	}
	rows := c.rowsOf("SELECT Name, EntityType FROM Task WHERE EntityType = 'Task' LIMIT 1")
	if len(rows) != 1 || rows[0]["EntityType"].(map[string]any)["id"] != "/EntityType/Task" {
		t.Errorf("tasks by EntityType: %v", rows)
	}
	if rows := c.rowsOf("SELECT COUNT(Name) AS n FROM Timesheet WHERE EntityType = NULL"); rows[0]["n"] != 0.0 {
		t.Errorf("timesheets without EntityType: %v", rows)
	}
}

// TestDemoShapesOfValues checks date-times in the API's form and
// durations with their durationType.
func TestDemoShapesOfValues(t *testing.T) {
	c := demoServer(t)
	apiDateTime := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$`)
	for _, row := range c.rowsOf("SELECT StartDate, DueDate, CreatedOn, Duration, Work FROM Task WHERE DueDate <> NULL LIMIT 50") {
		for _, f := range []string{"StartDate", "DueDate", "CreatedOn"} {
			if s, _ := row[f].(string); !apiDateTime.MatchString(s) {
				t.Fatalf("%s %s = %v", row["id"], f, row[f])
			}
		}
		for _, f := range []string{"Duration", "Work"} {
			if d, _ := row[f].(map[string]any); d["durationType"] != "Default" || d["unit"] == nil {
				t.Fatalf("%s %s = %v", row["id"], f, row[f])
			}
		}
	}
}

// TestDemoEntitiesOfPublicCode runs queries of the reference's public
// code and the guide against the demo: the organisation, topics with
// their work items and cases, discussion groups, resource link states,
// related requests and the demo login's user.
func TestDemoEntitiesOfPublicCode(t *testing.T) {
	c := demoServer(t)
	for q, n := range map[string]int{
		"SELECT Name, C_TrelloAPIKey FROM Organization LIMIT 1 OFFSET 0":               1,
		"SELECT @Name FROM Topic WHERE Name = 'Security'":                              1,
		"SELECT Name, Owner.Name FROM DiscussionGroup":                                 5,
		"SELECT COUNT(Units) AS n FROM RegularResourceLink WHERE State = NULL":         1,
		"SELECT Name FROM User WHERE UserName = 'demo' AND EntityType = 'User'":        1,
		"SELECT Name FROM Project WHERE Name <> NULL AND EntityType <> 'Task' LIMIT 3": 3,
	} {
		if rows := c.rowsOf(q); len(rows) != n || (strings.Contains(q, "COUNT") && rows[0]["n"] != 0.0) {
			t.Errorf("%s: %v", q, rows)
		}
	}
	var withRequests int
	for _, row := range c.rowsOf("SELECT @Name, PercentCompleted, TrackStatus.Name, ProjectManager.Name, (SELECT Name FROM Resources), (SELECT Title FROM RelatedRequests) FROM Project LIMIT 5000") {
		if row["RelatedRequests"] != nil {
			withRequests++
		}
	}
	if withRequests == 0 {
		t.Error("no project has related requests")
	}
	types := map[string]bool{}
	for _, topic := range c.rowsOf("SELECT Name FROM Topic") {
		body := `{"entityId":"` + topic["id"].(string) + `","relationName":"WorkItems","fields":["Name","TrackStatus.Name","ProjectManager.Name","PercentCompleted","InternalStatus"]}`
		var res struct{ Entities []map[string]any }
		json.Unmarshal([]byte(c.query("data/relationQuery", body)), &res)
		for _, e := range res.Entities {
			id := e["id"].(string)
			types[id[1:strings.LastIndexByte(id, '/')]] = true
		}
		body = `{"entityId":"` + topic["id"].(string) + `","relationName":"Cases","fields":["Title"]}`
		json.Unmarshal([]byte(c.query("data/relationQuery", body)), &res)
		for _, e := range res.Entities {
			if id := e["id"].(string); strings.HasPrefix(id, "/Project/") || strings.HasPrefix(id, "/Task/") {
				t.Errorf("a work item among the cases of %s: %s", topic["Name"], id)
			}
		}
	}
	if !types["Project"] || !types["Task"] || !types["Milestone"] {
		t.Errorf("the WorkItems of the topics are of types %v", types)
	}
}

// TestDemoLoginIsAUser checks that the userId login answers is the id of
// the demo login's User row.
func TestDemoLoginIsAUser(t *testing.T) {
	c := demoServer(t)
	_, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
	var res struct{ UserID string }
	json.Unmarshal(body, &res)
	if rows := c.rowsOf("SELECT UserName FROM User WHERE id = '/User/" + res.UserID + "'"); len(rows) != 1 || rows[0]["UserName"] != DemoUser {
		t.Errorf("userId %s: %v", res.UserID, rows)
	}
}

// TestDemoExtraEntities checks that the entities the demo adds to the
// fixture are new ones.
func TestDemoExtraEntities(t *testing.T) {
	md, _, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	if d := md.Duplicates(); len(d) > 0 {
		t.Errorf("described twice: %v", d)
	}
	if md.Entity("DiscussionGroup") == nil {
		t.Error("no DiscussionGroup")
	}
}
