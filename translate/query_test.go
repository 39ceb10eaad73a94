package translate_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
)

const (
	activeEq = `{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}}`
	draftEq  = `{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Draft"}}`
	workGt   = `{"leftExpression":{"fieldName":"Work"},"operator":"GreaterThan","rightExpression":{"value":0}}`
)

func TestFieldsAndPaths(t *testing.T) {
	q := query("Task", nil, fields("Name", "StartDate", "Manager.Name")...)
	want := `{"typeName":"Task","fields":["Name","StartDate","Manager.Name"]}`
	if got := bodyJSON(t, q, nil); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRequestPathAndBulkItem(t *testing.T) {
	req, diags := translate.Query(query("Task", nil, fld("Name")), nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	item := req.BulkItem()
	if item.URL != api.PathEntityQuery || item.Method != "POST" || item.Body != req.Body {
		t.Errorf("BulkItem = %+v", item)
	}
	want := `{"url":"/data/entityQuery","method":"POST","body":{"typeName":"Task","fields":["Name"]}}`
	if got := compact(t, item); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCompareOperators(t *testing.T) {
	for op, name := range map[ast.CompareOp]string{
		ast.Eq: "Equal", ast.Ne: "NotEqual", ast.Lt: "LessThan", ast.Gt: "GreaterThan",
		ast.Le: "LessThanOrEqual", ast.Ge: "GreaterThanOrEqual",
	} {
		got := whereJSON(t, cmp("Work", op, num("0")), nil)
		want := strings.Replace(workGt, "GreaterThan", name, 1)
		if got != want {
			t.Errorf("%s: got %s, want %s", op, got, want)
		}
	}
}

func TestValuesKeepTheirType(t *testing.T) {
	tests := []struct {
		lit  ast.Literal
		want string
	}{
		{str("Active"), `"Active"`},
		{num("85"), `85`},
		{num("1.50"), `1.50`},
		{num("-3"), `-3`},
		{num("007"), `7`},
		{&ast.BoolLit{Value: true}, `true`},
		{&ast.NullLit{}, `null`},
		{date("2014-01-01"), `"2014-01-01"`},
		{date("2024-01-31T17:00:00.5+02:00"), `"2024-01-31T17:00:00.5+02:00"`},
	}
	for _, tt := range tests {
		got := whereJSON(t, cmp("F", ast.Eq, tt.lit), nil)
		want := `{"leftExpression":{"fieldName":"F"},"operator":"Equal","rightExpression":{"value":` + tt.want + `}}`
		if got != want {
			t.Errorf("%T: got %s, want %s", tt.lit, got, want)
		}
	}
}

func TestLogicFlattening(t *testing.T) {
	a, b, c := cmp("State", ast.Eq, str("Active")), cmp("State", ast.Eq, str("Draft")), cmp("Work", ast.Gt, num("0"))
	tests := []struct {
		name string
		cond ast.Expr
		want string
	}{
		{"chain", and(and(a, b), c), `{"and":[` + activeEq + `,` + draftEq + `,` + workGt + `]}`},
		{"through parens", and(par(and(a, b)), c), `{"and":[` + activeEq + `,` + draftEq + `,` + workGt + `]}`},
		{"right nested", and(a, par(and(b, c))), `{"and":[` + activeEq + `,` + draftEq + `,` + workGt + `]}`},
		{"or inside and", and(a, par(or(b, c))), `{"and":[` + activeEq + `,{"or":[` + draftEq + `,` + workGt + `]}]}`},
		{"and inside or", or(a, and(b, c)), `{"or":[` + activeEq + `,{"and":[` + draftEq + `,` + workGt + `]}]}`},
		{"paren alone", par(par(a)), activeEq},
	}
	for _, tt := range tests {
		if got := whereJSON(t, tt.cond, nil); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestNegations(t *testing.T) {
	tests := []struct {
		name string
		cond ast.Expr
		want string
	}{
		{"not like", like("Name", true, "%x%"),
			`{"not":{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"%x%"}}}`},
		{"not in", in("C_InvoiceStatus", true, str("Adjusted"), str("Nonchargeable")),
			`{"not":{"leftExpression":{"fieldName":"C_InvoiceStatus"},"operator":"In","rightExpression":{"values":["Adjusted","Nonchargeable"]}}}`},
		{"not cond", not(par(or(cmp("State", ast.Eq, str("Active")), cmp("State", ast.Eq, str("Draft"))))),
			`{"not":{"or":[` + activeEq + `,` + draftEq + `]}}`},
		{"ne null", cmp("Manager", ast.Ne, &ast.NullLit{}),
			`{"leftExpression":{"fieldName":"Manager"},"operator":"NotEqual","rightExpression":{"value":null}}`},
	}
	for _, tt := range tests {
		if got := whereJSON(t, tt.cond, nil); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestInSubqueryNests(t *testing.T) {
	inner := query("User", like("Name", false, "S%"), fld("Name"))
	mid := query("Program", &ast.InExpr{X: fld("Manager"), Query: inner}, fld("Name"))
	cond := &ast.InExpr{X: fld("Program"), Query: mid}
	want := `{"leftExpression":{"fieldName":"Program"},"operator":"In","rightExpression":{"query":` +
		`{"_type":"entityQuery","typeName":"Program","where":` +
		`{"leftExpression":{"fieldName":"Manager"},"operator":"In","rightExpression":{"query":` +
		`{"_type":"entityQuery","typeName":"User","where":` +
		`{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"S%"}}}}}}}}`
	if got := whereJSON(t, cond, nil); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestParams(t *testing.T) {
	cond := and(cmp("PercentCompleted", ast.Gt, num("50")), cmp("DueDate", ast.Gt, param("dateParam")))
	opts := &translate.Options{Params: map[string]ast.Literal{"DATEPARAM": date("2024-01-01")}}
	want := `{"and":[{"leftExpression":{"fieldName":"PercentCompleted"},"operator":"GreaterThan","rightExpression":{"value":50}},` +
		`{"leftExpression":{"fieldName":"DueDate"},"operator":"GreaterThan","rightExpression":{"value":"2024-01-01"}}]}`
	if got := whereJSON(t, cond, opts); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestMissingParam(t *testing.T) {
	p := &ast.ParamRef{Name: "startDateParam", Rng: rng(30, 45)}
	q := query("Task", cmp("StartDate", ast.Gt, p), fld("Name"))
	for _, opts := range []*translate.Options{nil, {ConditionText: true, Source: []byte(strings.Repeat(" ", 50))}} {
		req, diags := translate.Query(q, opts)
		if req != nil || len(diags) != 1 {
			t.Fatalf("got %v, %v; want one error", req, diags)
		}
		d := diags[0]
		want := `no value for bind parameter ":startDateParam"; pass -p startDateParam=VALUE`
		if d.Code != translate.CodeMissingParam || d.Message != want || d.Range != p.Rng || d.Severity != diag.Error {
			t.Errorf("got %+v", d)
		}
	}
}

// A surface other than the czql command says how to give a value.
func TestMissingParamHint(t *testing.T) {
	p := &ast.ParamRef{Name: "due", Rng: rng(30, 34)}
	q := query("Task", cmp("DueDate", ast.Lt, p), fld("Name"))
	hint := func(name string) string { return `set it with \set ` + name + " VALUE" }
	_, diags := translate.Query(q, &translate.Options{ParamHint: hint})
	want := `no value for bind parameter ":due"; set it with \set due VALUE`
	if len(diags) != 1 || diags[0].Message != want {
		t.Errorf("got %v; want %q", diags, want)
	}
}

func TestConditionText(t *testing.T) {
	src := `SELECT Name FROM Task WHERE State IN ("Active","Draft") and StartDate>:startDateParam`
	start := strings.Index(src, "State")
	p := &ast.ParamRef{Name: "startDateParam", Rng: rng(len(src)-len(":startDateParam"), len(src))}
	cond := and(&ast.InExpr{X: &ast.FieldRef{Segments: []*ast.Ident{{Name: "State", Rng: rng(start, start+5)}}},
		List: []ast.Literal{str("Active"), str("Draft")}}, cmp("StartDate", ast.Gt, p))
	opts := &translate.Options{
		ConditionText: true,
		Source:        []byte(src),
		Params:        map[string]ast.Literal{"startDateParam": date("2014-01-01")},
	}
	want := `{"text":"State IN (\"Active\",\"Draft\") and StartDate>:startDateParam","parameters":{"startDateParam":"2014-01-01"}}`
	if got := whereJSON(t, cond, opts); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestConditionTextWithoutSource(t *testing.T) {
	_, diags := translate.Query(query("Task", cmp("State", ast.Eq, str("x")), fld("Name")), &translate.Options{ConditionText: true})
	if got := codes(diags); got != "error[no-source]" {
		t.Errorf("got %s", got)
	}
}

func TestOrdersAndPaging(t *testing.T) {
	q := query("Task", nil, fld("Name"))
	q.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{
		{Field: fld("Name")}, {Field: fld("DueDate"), Dir: ast.Desc}, {Field: fld("Work"), Dir: ast.Asc},
	}}
	q.Limit = &ast.LimitClause{Value: param("n")}
	q.Offset = &ast.OffsetClause{Value: num("0")}
	opts := &translate.Options{Params: map[string]ast.Literal{"n": num("50")}}
	want := `{"typeName":"Task","fields":["Name"],"orders":[{"fieldName":"Name","order":"Ascending"},` +
		`{"fieldName":"DueDate","order":"Descending"},{"fieldName":"Work","order":"Ascending"}],"paging":{"from":0,"limit":50}}`
	if got := bodyJSON(t, q, opts); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	q.Offset = nil
	if got := bodyJSON(t, q, opts); !strings.HasSuffix(got, `"paging":{"limit":50}}`) {
		t.Errorf("LIMIT alone: got %s", got)
	}
}

func TestBadLimit(t *testing.T) {
	for _, tt := range []struct {
		value ast.Literal
		code  string
	}{
		{num("-1"), "error[bad-limit]"},
		{num("2.5"), "error[bad-limit]"},
		{num("99999999999999999999999"), "error[bad-limit]"},
		{str("10"), "error[bad-limit]"},
		{param("n"), "error[bad-limit]"}, // n = 'ten'
		{param("m"), "error[missing-param]"},
		{nil, "error[partial]"},
	} {
		q := query("Task", nil, fld("Name"))
		q.Limit = &ast.LimitClause{Value: tt.value}
		req, diags := translate.Query(q, &translate.Options{Params: map[string]ast.Literal{"n": str("ten")}})
		if got := codes(diags); req != nil || got != tt.code {
			t.Errorf("LIMIT %#v: got %s, want %s", tt.value, got, tt.code)
		}
	}
	q := query("Task", nil, fld("Name"))
	q.Offset = &ast.OffsetClause{Value: num("-5")}
	if _, diags := translate.Query(q, nil); codes(diags) != "error[bad-offset]" {
		t.Errorf("OFFSET -5: got %s", codes(diags))
	}
}

func aggQuery() *ast.Query {
	q := query("Task", nil, fld("State"),
		&ast.AggregateExpr{Func: ast.Count, Arg: fld("Name"), Alias: &ast.Ident{Name: "Cnt"}},
		&ast.AggregateExpr{Func: ast.Avg, Arg: fld("Work")})
	q.GroupBy = &ast.GroupByClause{Fields: []*ast.FieldRef{fld("State")}}
	q.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{{Field: fld("Cnt"), Dir: ast.Desc}}}
	return q
}

func TestAggregateQuery(t *testing.T) {
	req, diags := translate.Query(aggQuery(), nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if req.Path != api.PathAggregateQuery {
		t.Errorf("path = %s", req.Path)
	}
	want := `{"typeName":"Task","groupBy":["State"],"aggregations":[{"function":"Count","fieldName":"Name","alias":"Cnt"},` +
		`{"function":"Avg","fieldName":"Work"}],"orders":[{"fieldName":"Cnt","order":"Descending"}]}`
	if got := compact(t, req.Body); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	opts := &translate.Options{Functions: map[ast.AggFunc]string{ast.Count: "Count", ast.Avg: "Average"}}
	if got := bodyJSON(t, aggQuery(), opts); !strings.Contains(got, `"function":"Average"`) {
		t.Errorf("custom functions: got %s", got)
	}
	opts.Functions = map[ast.AggFunc]string{ast.Count: "Count"}
	if _, diags := translate.Query(aggQuery(), opts); codes(diags) != "error[unsupported]" {
		t.Errorf("unknown function: got %s", codes(diags))
	}
}

func TestGroupByAloneIsAggregate(t *testing.T) {
	q := query("Task", nil, fld("State"))
	q.GroupBy = &ast.GroupByClause{Fields: []*ast.FieldRef{fld("State")}}
	want := `{"typeName":"Task","groupBy":["State"],"aggregations":[]}`
	if got := bodyJSON(t, q, nil); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRelations(t *testing.T) {
	rel := query("Resources", cmp("State", ast.Eq, str("Active")), fld("Name"),
		&ast.RelationQuery{Query: query("Skills", nil, fld("Title"))})
	rel.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{{Field: fld("Name")}}}
	q := query("Project", nil, fld("Name"), &ast.RelationQuery{Query: rel})
	want := `{"typeName":"Project","fields":["Name"],"relations":[{"name":"Resources","fields":["Name"],` +
		`"where":` + activeEq + `,"orders":[{"fieldName":"Name","order":"Ascending"}],` +
		`"relations":[{"name":"Skills","fields":["Title"]}]}]}`
	if got := bodyJSON(t, q, nil); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestUntranslatable(t *testing.T) {
	relWithLimit := query("Resources", nil, fld("Name"))
	relWithLimit.Limit = &ast.LimitClause{Value: num("5")}
	aggWithRel := aggQuery()
	aggWithRel.Select.Items = append(aggWithRel.Select.Items, &ast.RelationQuery{Query: query("Resources", nil, fld("Name"))})
	subWithAgg := query("User", nil, &ast.AggregateExpr{Func: ast.Count, Arg: fld("Name")})
	subWithLimit := query("User", nil, fld("Name"))
	subWithLimit.Limit = &ast.LimitClause{Value: num("5")}
	tests := []struct {
		name string
		q    *ast.Query
		want string
	}{
		{"nil", nil, "error[partial]"},
		{"no select", &ast.Query{From: &ast.FromClause{Entity: &ast.Ident{Name: "Task"}}}, "error[partial]"},
		{"no from", &ast.Query{Select: &ast.SelectClause{Items: fields("Name")}}, "error[partial]"},
		{"nil item", query("Task", nil, nil), "error[partial]"},
		{"bad expr", query("Task", and(&ast.BadExpr{}, cmp("A", ast.Eq, num("1"))), fld("Name")), "error[partial]"},
		{"value as condition", query("Task", num("1"), fld("Name")), "error[unsupported]"},
		{"nil where", query("Task", (*ast.CompareExpr)(nil), fld("Name")), "error[partial]"},
		{"relation limit", query("Project", nil, &ast.RelationQuery{Query: relWithLimit}), "error[unsupported]"},
		{"relation in aggregate", aggWithRel, "error[unsupported]"},
		{"aggregate in IN", query("Task", &ast.InExpr{X: fld("Manager"), Query: subWithAgg}, fld("Name")), "error[unsupported]"},
		{"limit in IN", query("Task", &ast.InExpr{X: fld("Manager"), Query: subWithLimit}, fld("Name")), "error[unsupported]"},
		{"empty IN", query("Task", in("State", false), fld("Name")), "error[partial]"},
		{"empty field", query("Task", nil, &ast.FieldRef{}), "error[partial]"},
	}
	for _, tt := range tests {
		req, diags := translate.Query(tt.q, nil)
		if got := codes(diags); req != nil || got != tt.want {
			t.Errorf("%s: got %v %s, want %s", tt.name, req, got, tt.want)
		}
	}
}

func TestParseParams(t *testing.T) {
	params, err := translate.ParseParams([]string{
		"n=5", "s='x'", `d="y"`, "date=2024-01-01", "b=true", "z=null", ":colon=1.50", "plain=Active", "id=/User/42", "empty=",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"n": json.Number("5"), "s": "x", "d": "y", "date": "2024-01-01", "b": true, "z": nil,
		"colon": json.Number("1.50"), "plain": "Active", "id": "/User/42", "empty": "",
	}
	for name, w := range want {
		cond := cmp("F", ast.Eq, param(name))
		got := whereJSON(t, cond, &translate.Options{Params: params})
		wantJSON := `{"leftExpression":{"fieldName":"F"},"operator":"Equal","rightExpression":{"value":` + compact(t, w) + `}}`
		if got != wantJSON {
			t.Errorf("%s: got %s, want %s", name, got, wantJSON)
		}
	}
	if _, ok := params["date"].(*ast.DateLit); !ok {
		t.Errorf("date param is %T, want *ast.DateLit", params["date"])
	}
	for _, bad := range []string{"novalue", "=5", " =x"} {
		if _, err := translate.ParseParams([]string{bad}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("ParseParams(%q) error = %v; want one naming it", bad, err)
		}
	}
}
