package sandbox

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The PowerShell client is ClarizenPowerShellTimesheetEntryScript.ps1 of
// github.com/sshirey76/Clarizen-Timesheet-API-Fun, a script that enters
// timesheets with Invoke-RestMethod (Windows PowerShell 5.1): JSON bodies
// made by ConvertTo-Json from hashtables (pretty-printed, CRLF line ends,
// keys in the hashtable's order and in the script's case), GET data/query
// with the CZQL in -Body @{q = …}, which Invoke-RestMethod puts in the
// query string, -ContentType application/json on every call, the header
// Authorization: Session <sessionId>, no Accept-Encoding. It does not call
// getServerDefinition: it logs in at https://api2.clarizen.com/v2.0/services
// and queries at …/V2.0/services (upper-case V).

// psHeaders are the headers Invoke-RestMethod adds by itself.
var psHeaders = []string{"User-Agent", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4291", "Accept-Encoding", "identity"}

// psJSON renders pairs as Windows PowerShell 5.1's ConvertTo-Json renders
// a hashtable of strings: four-space indents, two spaces after the colon,
// CRLF line ends.
func psJSON(pairs ...string) string {
	var lines []string
	for i := 0; i+1 < len(pairs); i += 2 {
		lines = append(lines, fmt.Sprintf("    %q:  %q", pairs[i], pairs[i+1]))
	}
	return "{\r\n" + strings.Join(lines, ",\r\n") + "\r\n}"
}

// psFormEncode encodes a -Body hashtable into a query string as
// Invoke-RestMethod does for GET (System.Net.WebUtility.UrlEncode): letters,
// digits and -_.!*() as they are, space as +, every other byte %XX.
func psFormEncode(key, value string) string {
	enc := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-_.!*()", c) >= 0:
				b.WriteByte(c)
			case c == ' ':
				b.WriteByte('+')
			default:
				fmt.Fprintf(&b, "%%%02X", c)
			}
		}
		return b.String()
	}
	return enc(key) + "=" + enc(value)
}

// hereString is the text of a PowerShell here-string of the script: its
// lines with the script's indentation and CRLF line ends (as the script
// saved on Windows has them), no line end after the last line.
func hereString(indent string, lines ...string) string {
	return indent + strings.Join(lines, "\r\n"+indent)
}

// TestSshireyPowerShellTimesheets replays the script end to end for the
// user it logs in as (/User/u1, Sam): Authenticate (POST
// authentication/login with {username, password}), GetActiveTasks (the
// RegularResourceLink query with an IN sub-query on WorkItem, read as
// $objres.entities.WorkItem and then .Name and .ID), GetTimesheetData (per
// task and day, the Timesheet query on WorkItem, State '/State/Un
// Submitted', CreatedBy and ReportedDate decides between create and
// update) and UpdateTimesheets: a create is a PUT of {workitem, duration:
// "8h", reportedDate} to data/objects/Timesheet, an update reads the
// timesheet's ID with a second query (SELECT CreatedOn …) and POSTs
// {ID, Duration, ReportedDate} to "$tsUri/$tsid", that is
// data/objects/Timesheet//Timesheet/<id>, the full id after the type.
//
// The script's state id is the real service's, /State/Un Submitted
// (reference §2.8); the fixture's pick list spells it Unsubmitted, so the
// timesheet it finds is a row written with the script's id.
func TestSshireyPowerShellTimesheets(t *testing.T) {
	lb := startLoopbackWith(t, func(d *Dataset) {
		links := d.Rows("RegularResourceLink")
		links[2]["State"] = "/State/Active" // rl3: Sam on t2, a Draft task
		d.Add("RegularResourceLink",
			Row{"id": "/RegularResourceLink/rl4", "WorkItem": "/Task/t1", "Resource": "/User/u1", "State": "/State/Active"},
			Row{"id": "/RegularResourceLink/rl5", "WorkItem": "/Task/t4", "Resource": "/User/u1", "State": "/State/Active"},
			Row{"id": "/RegularResourceLink/rl6", "WorkItem": "/Task/t4", "Resource": "/User/u2", "State": "/State/Active"},
			Row{"id": "/RegularResourceLink/rl7", "WorkItem": "/Task/t1", "Resource": "/User/u1", "State": "/State/Completed"},
			Row{"id": "/RegularResourceLink/rl8", "WorkItem": "/Project/p1", "Resource": "/User/u1", "State": "/State/Active"})
		d.Add("Timesheet",
			Row{"id": "/Timesheet/ts9", "WorkItem": "/Task/t1", "State": "/State/Un Submitted", "CreatedBy": "/User/u1",
				"CreatedOn": "2024-03-05T08:12:00", "ReportedDate": "2024-03-05", "Duration": map[string]any{"unit": "Hours", "value": json.Number("2")}},
			Row{"id": "/Timesheet/ts10", "WorkItem": "/Task/t1", "State": "/State/Submitted", "CreatedBy": "/User/u1",
				"CreatedOn": "2024-03-04T08:12:00", "ReportedDate": "2024-03-04", "Duration": map[string]any{"unit": "Hours", "value": json.Number("1")}})
	})
	base := lb.url                                        // https://api2.clarizen.com/v2.0/services
	upper := strings.Replace(base, "/v2.0/", "/V2.0/", 1) // https://api2.clarizen.com/V2.0/services
	lb.session = ""
	call := func(method, rawURL, body string) string {
		t.Helper()
		code, _, out := lb.sendTo(method, rawURL, jsonType, []byte(body), psHeaders...)
		if code != 200 {
			t.Fatalf("%s %s %s: HTTP %d %s", method, rawURL, body, code, out)
		}
		return string(out)
	}
	query := func(czql string) string {
		t.Helper()
		return call("GET", upper+"/data/query?"+psFormEncode("q", czql), "")
	}

	// Authenticate
	var login struct{ SessionID string }
	if err := json.Unmarshal([]byte(call("POST", base+"/authentication/login", psJSON("password", loopPassword, "username", loopUser))), &login); err != nil || login.SessionID == "" {
		t.Fatalf("login: %v", err)
	}
	lb.session = login.SessionID
	resource := loopUserID

	// GetActiveTasks
	got := query(hereString("        ",
		"SELECT WorkItem.Name, WorkItem.ID",
		"FROM RegularResourceLink",
		"WHERE Resource = '"+resource+"'",
		"AND WorkItem IN (SELECT ID FROM WorkItem WHERE State = 'Active' and EntityType = 'Task')",
		"AND State = '/State/Active'"))
	check(t, "GetActiveTasks", got, `{"entities":[`+
		`{"id":"/RegularResourceLink/rl4","WorkItem":{"id":"/Task/t1","Name":"Design API"}},`+
		`{"id":"/RegularResourceLink/rl5","WorkItem":{"id":"/Task/t4","Name":"deploy"}}],"paging":{"from":2,"limit":100,"hasMore":false}}`)
	var active struct {
		Entities []struct{ WorkItem struct{ ID, Name string } } // PowerShell reads .ID and .Name in any case
	}
	if err := json.Unmarshal([]byte(got), &active); err != nil || len(active.Entities) != 2 || active.Entities[0].WorkItem.ID != "/Task/t1" {
		t.Fatalf("GetActiveTasks: %v %+v", err, active)
	}

	// GetTimesheetData: t1 on Monday and Tuesday, t4 on Monday.
	exists := func(task, day string) string {
		return hereString("                    ",
			"SELECT ReportedDate",
			"FROM Timesheet",
			"WHERE WorkItem = '"+task+"'",
			"AND State = '/State/Un Submitted'",
			"AND CreatedBy = '"+resource+"'",
			"AND ReportedDate = '"+day+"'")
	}
	none := `{"entities":[],"paging":{"from":0,"limit":100,"hasMore":false}}`
	check(t, "t1 on Monday", query(exists("/Task/t1", "2024-03-04")), none) // ts10 is Submitted
	check(t, "t1 on Tuesday", query(exists("/Task/t1", "2024-03-05")),
		`{"entities":[{"id":"/Timesheet/ts9","ReportedDate":"2024-03-05"}],"paging":{"from":1,"limit":100,"hasMore":false}}`)
	check(t, "t4 on Monday", query(exists("/Task/t4", "2024-03-04")), none)

	// UpdateTimesheets: two creates and an update.
	tsURI := base + "/data/objects/Timesheet"
	check(t, "create t1", call("PUT", tsURI, psJSON("reportedDate", "2024-03-04", "duration", "8h", "workitem", "/Task/t1")), `{"id":"/Timesheet/new1"}`)
	check(t, "create t4", call("PUT", tsURI, psJSON("reportedDate", "2024-03-04", "duration", "6h", "workitem", "/Task/t4")), `{"id":"/Timesheet/new2"}`)
	got = query(hereString("                ",
		"SELECT CreatedOn",
		"FROM Timesheet",
		"WHERE WorkItem = '/Task/t1'",
		"AND State = '/State/Un Submitted'",
		"AND CreatedBy = '"+resource+"'",
		"AND ReportedDate = '2024-03-05'"))
	var found struct{ Entities []struct{ ID string } }
	if err := json.Unmarshal([]byte(got), &found); err != nil || len(found.Entities) != 1 || found.Entities[0].ID != "/Timesheet/ts9" {
		t.Fatalf("the update's query: %v %s", err, got)
	}
	tsid := found.Entities[0].ID
	check(t, "update", call("POST", tsURI+"/"+tsid, psJSON("ReportedDate", "2024-03-05", "ID", tsid, "Duration", "4h")), `{}`)

	// What the script wrote.
	fields := "?fields=WorkItem,ReportedDate,Duration,CreatedBy"
	check(t, "new1", call("GET", tsURI+"/new1"+fields, ""),
		`{"id":"/Timesheet/new1","WorkItem":{"id":"/Task/t1"},"ReportedDate":"2024-03-04","Duration":{"durationType":"Default","unit":"Hours","value":8},"CreatedBy":{"id":"/User/u1"}}`)
	check(t, "new2", call("GET", tsURI+"/new2"+fields, ""),
		`{"id":"/Timesheet/new2","WorkItem":{"id":"/Task/t4"},"ReportedDate":"2024-03-04","Duration":{"durationType":"Default","unit":"Hours","value":6},"CreatedBy":{"id":"/User/u1"}}`)
	check(t, "ts9", call("GET", tsURI+"/ts9"+fields, ""),
		`{"id":"/Timesheet/ts9","WorkItem":{"id":"/Task/t1"},"ReportedDate":"2024-03-05","Duration":{"durationType":"Default","unit":"Hours","value":4},"CreatedBy":{"id":"/User/u1"}}`)
}
