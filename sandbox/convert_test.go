package sandbox

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWriteValue checks the type checking of written values: each value
// is converted to what the store keeps, or refused with its error code.
func TestWriteValue(t *testing.T) {
	c := newTestServer(t, nil)
	st := c.srv.store
	for _, tt := range []struct {
		field, in, want, code string
	}{
		{field: "Name", in: `"x"`, want: `"x"`},
		{field: "Name", in: `12.50`, want: `"12.50"`},
		{field: "Name", in: `true`, want: `"true"`},
		{field: "Name", in: `["x"]`, code: "InvalidArgument"},
		{field: "Name", in: `null`, code: "InvalidArgument"}, // not nullable
		{field: "C_ExternalTicket", in: `"` + strings.Repeat("é", 65) + `"`, code: "InvalidArgument"},
		{field: "Priority", in: `3`, want: `3`},
		{field: "Priority", in: `" 4 "`, want: `4`},
		{field: "Priority", in: `"4.0"`, want: `4`},
		{field: "Priority", in: `"high"`, code: "InvalidArgument"},
		{field: "Priority", in: `2.5`, code: "InvalidArgument"},
		{field: "Priority", in: `3000000000`, code: "InvalidArgument"},
		{field: "Priority", in: `true`, code: "InvalidArgument"},
		{field: "Priority", in: `{"value":5}`, code: "InvalidArgument"},
		{field: "Priority", in: `null`, want: `null`},
		{field: "SequenceNumber", in: `9007199254740993`, want: `9007199254740993`},
		{field: "SequenceNumber", in: `"-9007199254740993"`, want: `-9007199254740993`},
		{field: "PercentCompleted", in: `"12.5"`, want: `12.5`},
		{field: "PercentCompleted", in: `1e2`, want: `1e2`},
		{field: "PercentCompleted", in: `"NaN"`, code: "InvalidArgument"},
		{field: "Billable", in: `"TRUE"`, want: `true`},
		{field: "Billable", in: `0`, want: `false`},
		{field: "Billable", in: `"yes"`, code: "InvalidArgument"},
		{field: "DueDate", in: `"2024-05-01"`, want: `"2024-05-01"`},
		{field: "DueDate", in: `"2024-05-01T10:00:00.0000000"`, want: `"2024-05-01T10:00:00.0000000"`},
		{field: "DueDate", in: `"tomorrow"`, code: "InvalidArgument"},
		{field: "DueDate", in: `20240501`, code: "InvalidArgument"},
		{field: "Work", in: `"8h"`, want: `{"durationType":"Default","unit":"Hours","value":8}`},
		{field: "Work", in: `"2.5 days"`, want: `{"durationType":"Default","unit":"Days","value":2.5}`},
		{field: "Work", in: `"3cd"`, want: `{"durationType":"Consecutive","unit":"Days","value":3}`},
		{field: "Work", in: `"90 min"`, want: `{"durationType":"Default","unit":"Minutes","value":90}`},
		{field: "Work", in: `{"unit":"weeks","value":"2"}`, want: `{"unit":"Weeks","value":2}`},
		{field: "Work", in: `8`, code: "InvalidArgument"},
		{field: "Work", in: `"8 parsecs"`, code: "InvalidArgument"},
		{field: "Work", in: `"h"`, code: "InvalidArgument"},
		{field: "Work", in: `{"unit":"Hours"}`, code: "InvalidArgument"},
		{field: "ActualCost", in: `10`, want: `{"currency":"USD","value":10}`},
		{field: "ActualCost", in: `"EUR 7.5"`, want: `{"currency":"EUR","value":7.5}`},
		{field: "ActualCost", in: `"7 gbp"`, want: `{"currency":"GBP","value":7}`},
		{field: "ActualCost", in: `{"value":3}`, want: `{"currency":"USD","value":3}`},
		{field: "ActualCost", in: `"lots"`, code: "InvalidArgument"},
		{field: "Manager", in: `"/User/u2"`, want: `"/User/u2"`},
		{field: "Manager", in: `"u3"`, want: `"/User/u3"`},
		{field: "Manager", in: `{"id":"/user/U1","Name":"Sam"}`, want: `"/User/u1"`},
		{field: "Manager", in: `"/User/u9"`, code: "EntityNotFound"},
		{field: "Manager", in: `"/Task/t1"`, code: "InvalidArgument"},
		{field: "Manager", in: `7`, code: "EntityNotFound"},
		{field: "Manager", in: `{}`, code: "InvalidArgument"},
		{field: "State", in: `"draft"`, want: `"/State/Draft"`},
		{field: "State", in: `"Dreaming"`, code: "EntityNotFound"},
		{field: "State", in: `"Draft"`, want: `"/State/Draft"`},
	} {
		ent := st.md.Entity("Task")
		f := ent.Field(tt.field)
		var in any
		if err := newNumberDecoder([]byte(tt.in)).Decode(&in); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		got, err := st.writeValue(ent, f, in)
		if tt.code != "" {
			if ae, ok := err.(*apiError); !ok || ae.code != tt.code {
				t.Errorf("%s = %s: %v; want %s", tt.field, tt.in, err, tt.code)
			}
			continue
		}
		out, _ := json.Marshal(got)
		if err != nil || string(out) != tt.want {
			t.Errorf("%s = %s: %s, %v; want %s", tt.field, tt.in, out, err, tt.want)
		}
	}
}

// TestObjectsWriteRefused checks that a refused value changes nothing.
func TestObjectsWriteRefused(t *testing.T) {
	c := newTestServer(t, nil)
	code, out := c.do("POST", "data/objects/Task/t1", `{"Name":"Renamed","Priority":"high"}`)
	if got := errorOf(t, code, out); got != "InvalidArgument" {
		t.Errorf("update: %s", got)
	}
	code, out = c.do("PUT", "data/objects/Task", `{"Name":"New","Work":8}`)
	if got := errorOf(t, code, out); got != "InvalidArgument" {
		t.Errorf("create: %s", got)
	}
	if got := c.ids("data/entityQuery", `{"typeName":"Task","where":{"text":"Name = 'Renamed' OR Name = 'New'"}}`); got != "" {
		t.Errorf("refused writes left %s", got)
	}
}
