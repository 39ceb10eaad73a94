package sandbox

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// The second JavaScript client is clarizen.js of
// github.com/garfbradaz/clarizen.js (clarizen.js, clarizenFactory.js,
// myutils.js, clarizenform.html), a browser library on XMLHttpRequest. Its
// request() sends a string body, so the browser labels it
// text/plain;charset=UTF-8; it sets Accept: */* and, once logged in,
// Authorization: Session …; the browser adds Accept-Encoding.

// browserHeaders are the headers of clarizen.js's XMLHttpRequest.
var browserHeaders = []string{"Accept", "*/*", "Accept-Encoding", "gzip, deflate, br"}

const xhrTextType = "text/plain;charset=UTF-8"

// xhr makes one request as clarizen.js's request() does and returns the
// answer, which must be gzip-compressed (the browser accepts gzip), unzipped.
func xhr(t *testing.T, lb *loopback, method, rawURL, body string) (int, string) {
	t.Helper()
	contentType := ""
	if body != "" {
		contentType = xhrTextType
	}
	code, header, out := lb.sendTo(method, rawURL, contentType, []byte(body), browserHeaders...)
	if header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("%s %s: the answer to Accept-Encoding: gzip, deflate, br is not gzip: %d %q", method, rawURL, code, out)
	}
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	if out, err = io.ReadAll(zr); err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	return code, string(out)
}

// TestGarfbradazClarizenJSLoginAndPickLists replays clarizen.js end to end.
// Clarizen.prototype.login posts JSON.stringify of a ClarizenUser
// ({"userName", "password"}, made by clarizenFactory.js; the published
// login() fills in placeholder credentials, the replay real ones) to
// baseURL + /authentication/getServerDefinition; getServerLocation posts
// the same text to serverLocation + /authentication/login; getSessionId
// keeps sessionId. Then htmlAddPickList(elementId), for each <select> of
// clarizenform.html (whose ids are custom pick-list entities), GETs
// serverLocation + /metadata/describeMetadata?typeNames=<elementId> with no
// flags, and getPickList fills the list from entityDescriptions[0]:
// pickups[i].displayValue, published under the event
// "dataForElement" + typeName, so the answer's typeName must be the name
// asked for.
func TestGarfbradazClarizenJSLoginAndPickLists(t *testing.T) {
	lb := startLoopback(t)
	lb.session = ""
	user := `{"userName":"sam","password":"secret"}`
	code, got := xhr(t, lb, "POST", lb.url+"/authentication/getServerDefinition", user)
	var def struct{ ServerLocation string }
	if err := json.Unmarshal([]byte(got), &def); code != 200 || err != nil || def.ServerLocation != lb.url {
		t.Fatalf("getServerDefinition: %d %s", code, got)
	}
	code, got = xhr(t, lb, "POST", def.ServerLocation+"/authentication/login", user)
	var login map[string]any
	if err := json.Unmarshal([]byte(got), &login); code != 200 || err != nil {
		t.Fatalf("login: %d %s", code, got)
	}
	session, _ := login["sessionId"].(string) // the client tests "sessionId" in loginResponse
	if session == "" {
		t.Fatalf("login: no sessionId in %s", got)
	}
	lb.session = session

	for elementID, want := range map[string][]string{
		"C_InvoiceStatus": {"Pending", "Invoiced", "Adjusted", "Nonchargeable"},
		"C_Discipline":    {"Engineering", "Design", "Finance", "Operations", "Marketing"},
		"Priority":        {"1 - Urgent", "2 - High", "3 - Medium", "4 - Low"},
	} {
		code, got := xhr(t, lb, "GET", def.ServerLocation+"/metadata/describeMetadata?typeNames="+elementID, "")
		var meta struct {
			EntityDescriptions []struct {
				TypeName string
				Fields   json.RawMessage
				Pickups  []struct{ Value, DisplayValue string }
			}
		}
		if err := json.Unmarshal([]byte(got), &meta); code != 200 || err != nil || len(meta.EntityDescriptions) != 1 {
			t.Fatalf("describeMetadata %s: %d %s", elementID, code, got)
		}
		d := meta.EntityDescriptions[0]
		if d.TypeName != elementID {
			t.Errorf("describeMetadata %s: typeName %q, so the event dataForElement%s never fires", elementID, d.TypeName, elementID)
		}
		if d.Fields != nil {
			t.Errorf("describeMetadata %s without flags: fields %s", elementID, d.Fields)
		}
		var values []string
		for _, p := range d.Pickups {
			values = append(values, p.DisplayValue)
		}
		if strings.Join(values, "|") != strings.Join(want, "|") {
			t.Errorf("describeMetadata %s: pick list %q; want %q", elementID, values, want)
		}
	}

	// Without the session the library's calls fail the API's way.
	lb.session = ""
	code, got = xhr(t, lb, "GET", def.ServerLocation+"/metadata/describeMetadata?typeNames=C_Discipline", "")
	if code != 500 || !strings.Contains(got, `"errorCode":"SessionTimeout"`) {
		t.Errorf("describeMetadata without a session: %d %s", code, got)
	}
}
