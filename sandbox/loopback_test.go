package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// The tests named Test<Client>… replay, over a loopback connection, the
// requests of public Clarizen clients (their URLs, methods, encodings and
// bodies, not their code) and check the answers against the documented
// shapes. The clients are:
//
//   - the API guide's own cURL examples (REST API guide v2, seed 001);
//   - Ekin.Clarizen, the .NET library of github.com/ekincaglar/clarizen
//     (PascalCase JSON with _type tags; GET with query strings);
//   - the Python client of github.com/FluxIX/Clarizen-REST-Client (requests
//     with form-encoded bodies and query-string parameters);
//   - the Python dashboard of github.com/idling-mind/clarizen-dash (a body
//     written with str(dict));
//   - the Vue dashboard of github.com/idling-mind/clarizen-dashboard (axios,
//     relationQuery with a CZQL where);
//   - Clarizen.Net of github.com/garfbradaz/clarizen.net, a second .NET
//     client (WebClient and Newtonsoft.Json: PascalCase credentials,
//     data/query with "parameters": [] and paging);
//   - clarizen.js of github.com/garfbradaz/clarizen.js, a second JavaScript
//     client (browser XMLHttpRequest: text/plain JSON bodies, pick lists
//     from describeMetadata);
//   - the PowerShell script of github.com/sshirey76/Clarizen-Timesheet-API-Fun
//     (Invoke-RestMethod: ConvertTo-Json bodies, GET data/query?q=, timesheet
//     creates and updates).

// loopback is a sandbox listening on 127.0.0.1 with a logged-in session.
type loopback struct {
	t       *testing.T
	url     string // the API base, http://127.0.0.1:PORT/v2.0/services
	session string
}

// The user the loopback tests log in as: sam is /User/u1 of small.json.
const (
	loopUser     = "sam"
	loopPassword = "secret"
	loopUserID   = "/User/u1"
)

// startLoopback serves the small dataset, with the rows of clientRows, and
// logs in.
func startLoopback(t *testing.T) *loopback {
	t.Helper()
	return startLoopbackWith(t, nil)
}

// startLoopbackWith is startLoopback with more rows: rows, unless nil,
// changes the dataset before the server starts.
func startLoopbackWith(t *testing.T, rows func(*Dataset)) *loopback {
	t.Helper()
	md, data := fixture(t)
	clientRows(data)
	if rows != nil {
		rows(data)
	}
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data, RateLimit: -1,
		Users: map[string]string{loopUser: loopPassword}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	lb := &loopback{t: t, url: r.URL}
	code, out := lb.send("POST", "authentication/login", "application/json", `{"userName":"sam","password":"secret"}`)
	var login struct{ SessionID string }
	if code != 200 || json.Unmarshal(out, &login) != nil || login.SessionID == "" {
		t.Fatalf("login: %d %s", code, out)
	}
	lb.session = login.SessionID
	return lb
}

// clientRows adds to small.json what the client tests read: names and
// e-mail of the users, a suspended user, a customer of project p1, an
// expense, timesheets and a document.
func clientRows(d *Dataset) {
	users := d.Rows("User")
	for i, n := range [][3]string{{"Sam", "Stone", "sam@example.com"}, {"Ana", "Bell", "ana@example.com"}, {"Noa", "Park", "noa@example.com"}} {
		users[i]["FirstName"], users[i]["LastName"], users[i]["Email"] = n[0], n[1], n[2]
		users[i]["State"] = "/State/Active"
	}
	users[0]["AvailabilityHoursPerDay"] = json.Number("6")
	d.Add("User", Row{"id": "/User/u4", "Name": "Sam Old", "FirstName": "Sam", "LastName": "Old", "State": "/State/Suspended"})
	d.Add("Customer", Row{"id": "/Customer/c1", "Name": "Acme"})
	d.Add("CustomerLink", Row{"id": "/CustomerLink/cl1", "Project": "/Project/p1", "Customer": "/Customer/c1"})
	d.Add("Expense", Row{"id": "/Expense/e1", "Name": "Flights", "Project": "/Project/p1", "ReportedBy": "/User/u2",
		"Amount": map[string]any{"currency": "USD", "value": json.Number("420")}},
		Row{"id": "/Expense/e2", "Name": "Hotel", "ReportedBy": "/User/u3"})
	d.Add("Timesheet",
		Row{"id": "/Timesheet/ts1", "ReportedBy": "/User/u2", "WorkItem": "/Task/t1", "Project": "/Project/p1", "State": "/State/Submitted"},
		Row{"id": "/Timesheet/ts2", "ReportedBy": "/User/u3", "WorkItem": "/Task/t2", "Project": "/Project/p1", "State": "/State/Approved"},
		Row{"id": "/Timesheet/ts3", "ReportedBy": "/User/u1", "WorkItem": "/Task/t3", "State": "/State/Unsubmitted"})
	d.Add("Document", Row{"id": "/Document/d1", "Name": "Spec", "FileName": "spec.pdf"})
}

// send makes one request to the endpoint (a path under the API base, with
// its query string); header holds name, value pairs.
func (lb *loopback) send(method, endpoint, contentType, body string, header ...string) (int, []byte) {
	lb.t.Helper()
	return lb.sendBytes(method, endpoint, contentType, []byte(body), header...)
}

func (lb *loopback) sendBytes(method, endpoint, contentType string, body []byte, header ...string) (int, []byte) {
	lb.t.Helper()
	code, _, out := lb.sendTo(method, lb.url+"/"+endpoint, contentType, body, header...)
	return code, out
}

// sendTo makes one request to a full URL and returns the status, the
// headers and the body of the answer (as sent: not decompressed).
func (lb *loopback) sendTo(method, rawURL, contentType string, body []byte, header ...string) (int, http.Header, []byte) {
	lb.t.Helper()
	req, err := http.NewRequestWithContext(lb.t.Context(), method, rawURL, bytes.NewReader(body))
	if err != nil {
		lb.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if lb.session != "" {
		req.Header.Set("Authorization", "Session "+lb.session)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		lb.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		lb.t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, out
}

// ok makes a request that must succeed and returns its body.
func (lb *loopback) ok(method, endpoint, contentType, body string, header ...string) string {
	lb.t.Helper()
	code, out := lb.send(method, endpoint, contentType, body, header...)
	if code != 200 {
		lb.t.Fatalf("%s %s %s: HTTP %d %s", method, endpoint, body, code, out)
	}
	return string(out)
}

// fails makes a request that must fail with the API's error body and
// returns its errorCode.
func (lb *loopback) fails(method, endpoint, contentType, body string) string {
	lb.t.Helper()
	code, out := lb.send(method, endpoint, contentType, body)
	var e struct{ ErrorCode, Message, ReferenceID string }
	if err := json.Unmarshal(out, &e); err != nil || code != 500 || e.ErrorCode == "" || e.Message == "" || e.ReferenceID == "" {
		lb.t.Fatalf("%s %s %s: want an HTTP 500 {errorCode,message,referenceId} body, got %d %s", method, endpoint, body, code, out)
	}
	return e.ErrorCode
}
