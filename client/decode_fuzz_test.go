package client

import (
	"errors"
	"testing"

	"github.com/czql/czql/api"
)

// FuzzDecodeResponse checks that decoding arbitrary bodies with arbitrary
// status codes never panics and always ends in either a value or an *Error.
func FuzzDecodeResponse(f *testing.F) {
	f.Add(200, []byte(`{"entities":[{"id":"/Task/1","Name":"A"}],"paging":{"from":1,"limit":100,"hasMore":false}}`))
	f.Add(500, []byte(`{"errorCode":"SessionTimeout","message":"expired","referenceId":"x"}`))
	f.Add(429, []byte(`{"statusCode":"Too Many Requests","message":"API calls quota exceeded!","retryAfter":"1"}`))
	f.Add(502, []byte("<html>Bad Gateway</html>"))
	f.Add(200, []byte(`{"entities":[{"id"`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		var r api.QueryResponse
		err := decodeResponse(status, body, &r)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %T is not *Error", err)
		}
		if e != nil {
			_ = e.Error()
			if len(e.Raw) > maxRaw+len("…(truncated)") {
				t.Fatalf("raw text of %d bytes", len(e.Raw))
			}
		}
		var p RawPage
		_ = decodeResponse(status, body, &p)
		_ = retryAfter(&reply{status: status, body: body, header: map[string][]string{"Retry-After": {string(body)}}})
	})
}
