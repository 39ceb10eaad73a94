package client

import "testing"

func TestTransient(t *testing.T) {
	for _, tc := range []struct {
		status int
		code   string
		want   bool
	}{
		{502, "", true},              // a proxy's error page
		{500, "General", true},       // the server's own unexpected failure
		{500, "Internal", true},      //
		{500, "InvalidQuery", false}, // a final answer
		{500, "InvalidField", false}, //
		{500, "SessionTimeout", false},
		{200, "", true},  // a 2xx body that did not decode: cut off in transit
		{400, "", false}, // the request is wrong
		{404, "EntityNotFound", false},
	} {
		if got := transient(tc.status, &Error{StatusCode: tc.status, Code: tc.code}); got != tc.want {
			t.Errorf("transient(%d, %q) = %v, want %v", tc.status, tc.code, got, tc.want)
		}
	}
}
