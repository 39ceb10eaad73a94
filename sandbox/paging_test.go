package sandbox

import (
	"encoding/json"
	"math"
	"strconv"
	"testing"
)

// pageOfAnswer decodes the paging of a query answer and counts its rows.
func pageOfAnswer(t *testing.T, body string) (rows, from, limit int, more bool) {
	t.Helper()
	var res struct {
		Entities []json.RawMessage
		Paging   struct {
			From, Limit int
			HasMore     bool
		}
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return len(res.Entities), res.Paging.From, res.Paging.Limit, res.Paging.HasMore
}

// TestPagingExtremes sends the largest limits and offsets a request can
// hold to every paged endpoint: the server answers (never panics), clamps
// the limit to MaxLimit and keeps from within the rows.
func TestPagingExtremes(t *testing.T) {
	c := newTestServer(t, nil)
	big := strconv.Itoa(math.MaxInt64)
	paging := func(from, limit string) string { return `"paging":{"from":` + from + `,"limit":` + limit + `}` }
	for _, tc := range []struct {
		endpoint, body    string
		rows, from, limit int
		more              bool
	}{
		{"data/entityQuery", `{"typeName":"Task",` + paging("1", big) + `}`, 3, 4, MaxLimit, false},
		{"data/entityQuery", `{"typeName":"Task",` + paging(big, big) + `}`, 0, 4, MaxLimit, false},
		{"data/entityQuery", `{"typeName":"Task",` + paging(big, "1") + `}`, 0, 4, 1, false},
		{"data/entityQuery", `{"typeName":"Task",` + paging("-"+big, "-"+big) + `}`, 4, 4, DefaultLimit, false},
		{"data/aggregateQuery", `{"typeName":"Task","groupBy":["State"],"aggregations":[{"function":"Count","fieldName":"Name"}],` + paging("1", big) + `}`, 2, 3, MaxLimit, false},
		{"data/relationQuery", `{"entityId":"/User/u1","relationName":"DirectReports",` + paging("1", big) + `}`, 1, 2, MaxLimit, false},
		{"data/query", `{"q":"SELECT Name FROM Task LIMIT ` + big + ` OFFSET 1"}`, 3, 4, MaxLimit, false},
		{"data/query", `{"q":"SELECT Name FROM Task LIMIT 2 OFFSET ` + big + `"}`, 0, 4, 2, false},
		{"data/query", `{"q":"SELECT State, COUNT(Name) FROM Task GROUP BY State LIMIT ` + big + ` OFFSET 1"}`, 2, 3, MaxLimit, false},
	} {
		rows, from, limit, more := pageOfAnswer(t, c.query(tc.endpoint, tc.body))
		if rows != tc.rows || from != tc.from || limit != tc.limit || more != tc.more {
			t.Errorf("%s %s: %d rows, paging from %d limit %d hasMore %v; want %d rows, from %d limit %d hasMore %v",
				tc.endpoint, tc.body, rows, from, limit, more, tc.rows, tc.from, tc.limit, tc.more)
		}
	}
}

// TestPagingClampsToMaxLimit shows that a large limit gives MaxLimit rows
// and a paging that continues where they end.
func TestPagingClampsToMaxLimit(t *testing.T) {
	data := NewDataset()
	for i := range MaxLimit + 5 {
		data.Add("Task", Row{"id": "/Task/t" + strconv.Itoa(i), "Name": "T"})
	}
	c := newTestServer(t, func(o *Options) { o.Data = data })
	rows, from, limit, more := pageOfAnswer(t, c.query("data/entityQuery", `{"typeName":"Task","paging":{"limit":100000}}`))
	if rows != MaxLimit || from != MaxLimit || limit != MaxLimit || !more {
		t.Errorf("%d rows, from %d limit %d hasMore %v", rows, from, limit, more)
	}
	rows, _, _, more = pageOfAnswer(t, c.query("data/entityQuery", `{"typeName":"Task","paging":{"from":5000,"limit":5000}}`))
	if rows != 5 || more {
		t.Errorf("next page: %d rows, hasMore %v", rows, more)
	}
}
