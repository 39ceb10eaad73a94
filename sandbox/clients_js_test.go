package sandbox

import (
	"net/url"
	"testing"
)

// TestClarizenDashboardJS replays the clarizen-dashboard Vue app (axios):
// a relationQuery posted as a string whose where is CZQL text, with
// fields spelled in other cases, and the same query as a GET.
func TestClarizenDashboardJS(t *testing.T) {
	lb := startLoopback(t)
	body := `{"entityId":"/User/u1","relationName":"DirectReports","fields":["FirstName", "Lastname", "Username", "State.Name"],"where":"State IN ('Active','Draft') AND LastName <> 'Park'","paging":{"from":0, "limit": 500}}`
	want := `{"entities":[{"id":"/User/u2","FirstName":"Ana","Lastname":"Bell","Username":"ana","State":{"id":"/State/Active","Name":"Active"}}],"paging":{"from":1,"limit":500,"hasMore":false}}`
	check(t, "relationQuery", lb.ok("POST", "data/relationQuery", "application/x-www-form-urlencoded", body), want)
	params := url.Values{"entityId": {"/User/u1"}, "relationName": {"DirectReports"}, "fields": {"FirstName"},
		"where": {"LastName = 'Park'"}, "paging": {`{"limit":5}`}}
	check(t, "relationQuery GET", lb.ok("GET", "data/relationQuery?"+params.Encode(), "", ""),
		`{"entities":[{"id":"/User/u3","FirstName":"Noa"}],"paging":{"from":1,"limit":5,"hasMore":false}}`)
}
