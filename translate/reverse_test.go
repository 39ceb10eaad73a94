package translate_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/format"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

func apiField(name string) *api.Expression {
	return &api.Expression{Kind: api.FieldExpr, FieldName: name}
}

func apiConst(v any) *api.Expression { return &api.Expression{Kind: api.ConstantExpr, Value: v} }

func apiCmp(field string, op api.Operator, right *api.Expression) *api.Condition {
	return &api.Condition{Kind: api.CompareCond, Left: apiField(field), Operator: op, Right: right}
}

func apiLogic(kind api.ConditionKind, ops ...*api.Condition) *api.Condition {
	return &api.Condition{Kind: kind, Operands: ops}
}

func apiNot(c *api.Condition) *api.Condition {
	return &api.Condition{Kind: api.NotCondition, Negated: c}
}

// reverseWhere rebuilds the condition of an entityQuery on Task.
func reverseWhere(t *testing.T, c *api.Condition) (ast.Expr, string) {
	t.Helper()
	q, diags := translate.FromEntityQuery(&api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Where: c})
	if q == nil {
		return nil, codes(diags)
	}
	return q.Where.Cond, codes(diags)
}

func TestReverseQueryShape(t *testing.T) {
	limit, from := 50, 0
	eq := &api.EntityQuery{
		TypeName: "Task", Fields: []string{"Name", "Manager.Name"},
		Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}, Orders: []api.OrderBy{{FieldName: "Name"}}}},
		Orders:    []api.OrderBy{{FieldName: "Name", Order: api.Descending}, {FieldName: "DueDate", Order: api.Ascending}},
		Paging:    &api.Paging{From: &from, Limit: &limit},
	}
	got, diags := translate.FromEntityQuery(eq)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	rel := query("Resources", nil, fld("Name"))
	rel.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{{Field: fld("Name")}}}
	want := query("Task", nil, fld("Name"), fld("Manager.Name"), &ast.RelationQuery{Query: rel})
	want.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{{Field: fld("Name"), Dir: ast.Desc}, {Field: fld("DueDate"), Dir: ast.Asc}}}
	want.Limit = &ast.LimitClause{Value: num("50")}
	want.Offset = &ast.OffsetClause{Value: num("0")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %s\nwant %s", compact(t, got), compact(t, want))
	}
}

func TestReverseAggregate(t *testing.T) {
	aq := &api.AggregateQuery{
		TypeName: "Task", GroupBy: []string{"State"},
		Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "Name", Alias: "Cnt"}, {Function: "average", FieldName: "Work"}},
		Orders:       []api.OrderBy{{FieldName: "Cnt", Order: api.Descending}},
	}
	got, diags := translate.FromAggregateQuery(aq)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	want := query("Task", nil, fld("State"),
		&ast.AggregateExpr{Func: ast.Count, Arg: fld("Name"), Alias: &ast.Ident{Name: "Cnt"}},
		&ast.AggregateExpr{Func: ast.Avg, Arg: fld("Work")})
	want.GroupBy = &ast.GroupByClause{Fields: []*ast.FieldRef{fld("State")}}
	want.OrderBy = &ast.OrderByClause{Items: []*ast.OrderItem{{Field: fld("Cnt"), Dir: ast.Desc}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %s\nwant %s", compact(t, got), compact(t, want))
	}
}

func TestReverseParentheses(t *testing.T) {
	a := apiCmp("State", api.Equal, apiConst("Active"))
	b := apiCmp("State", api.Equal, apiConst("Draft"))
	c := apiCmp("Work", api.GreaterThan, apiConst(json.Number("0")))
	ca, cb, cc := cmp("State", ast.Eq, str("Active")), cmp("State", ast.Eq, str("Draft")), cmp("Work", ast.Gt, num("0"))
	tests := []struct {
		name string
		in   *api.Condition
		want ast.Expr
	}{
		{"and of 3", apiLogic(api.AndCondition, a, b, c), and(and(ca, cb), cc)},
		{"or in and", apiLogic(api.AndCondition, a, apiLogic(api.OrCondition, b, c)), and(ca, par(or(cb, cc)))},
		{"or first in and", apiLogic(api.AndCondition, apiLogic(api.OrCondition, a, b), c), and(par(or(ca, cb)), cc)},
		{"and in or", apiLogic(api.OrCondition, a, apiLogic(api.AndCondition, b, c)), or(ca, and(cb, cc))},
		{"nested and merged", apiLogic(api.AndCondition, a, apiLogic(api.AndCondition, b, c)), and(and(ca, cb), cc)},
		{"single operand", apiLogic(api.OrCondition, a), ca},
		{"not and", apiNot(apiLogic(api.AndCondition, a, b)), not(par(and(ca, cb)))},
		{"not compare", apiNot(a), not(ca)},
		{"not not", apiNot(apiNot(a)), not(not(ca))},
		{"not in", apiNot(apiCmp("State", api.In, &api.Expression{Kind: api.ConstantListExpr, Values: []any{"A", "B"}})),
			in("State", true, str("A"), str("B"))},
		{"not like", apiNot(apiCmp("Name", "like", apiConst("%x%"))), like("Name", true, "%x%")},
	}
	for _, tt := range tests {
		got, diags := reverseWhere(t, tt.in)
		if diags != "" || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %s (%s)\nwant %s", tt.name, compact(t, got), diags, compact(t, tt.want))
		}
	}
}

func TestReverseValues(t *testing.T) {
	tests := []struct {
		v    any
		want ast.Literal
	}{
		{"x", str("x")},
		{json.Number("85"), num("85")},
		{json.Number("1.50"), num("1.50")},
		{json.Number("1.5e3"), num("1500")},
		{json.Number("-25E-3"), num("-0.025")},
		{json.Number("0e0"), num("0")},
		{true, &ast.BoolLit{Value: true}},
		{nil, &ast.NullLit{}},
		{2.5, num("2.5")},
		{7, num("7")},
	}
	for _, tt := range tests {
		got, diags := reverseWhere(t, apiCmp("F", api.Equal, apiConst(tt.v)))
		want := cmp("F", ast.Eq, tt.want)
		if diags != "" || !reflect.DeepEqual(got, want) {
			t.Errorf("%#v: got %s (%s), want %s", tt.v, compact(t, got), diags, compact(t, want))
		}
	}
	for _, bad := range []any{map[string]any{}, []any{1}, json.Number("1e999999"), "two\nlines", "nul\x00"} {
		if _, diags := reverseWhere(t, apiCmp("F", api.Equal, apiConst(bad))); !strings.HasPrefix(diags, "error[") {
			t.Errorf("%#v: got %q, want an error", bad, diags)
		}
	}
}

func TestReverseLossyOperators(t *testing.T) {
	tests := []struct {
		op    api.Operator
		value string
		want  ast.Expr
		diags string
	}{
		{api.BeginsWith, "S", like("Name", false, "S%"), "warning[lossy]"},
		{api.EndsWith, "son", like("Name", false, "%son"), "warning[lossy]"},
		{api.Contains, "joe", like("Name", false, "%joe%"), "warning[lossy]"},
		{api.DoesNotContain, "joe", like("Name", true, "%joe%"), "warning[lossy]"},
		{api.Contains, "50%", nil, "error[lossy]"},
		{api.BeginsWith, "a_b", nil, "error[lossy]"},
	}
	for _, tt := range tests {
		got, diags := reverseWhere(t, apiCmp("Name", tt.op, apiConst(tt.value)))
		if diags != tt.diags || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q: got %s (%s), want %s (%s)", tt.op, tt.value, compact(t, got), diags, compact(t, tt.want), tt.diags)
		}
	}
}

func TestReverseUnsupported(t *testing.T) {
	dateRange := &api.Expression{Kind: api.DateRangeExpr, Value: "ThisMonth"}
	tests := []struct {
		name string
		c    *api.Condition
		want string
	}{
		{"field on the right", apiCmp("DueDate", api.GreaterThan, apiField("StartDate")), "error[unsupported]"},
		{"date range", apiCmp("DueDate", api.Equal, dateRange), "error[unsupported]"},
		{"field on the left missing", &api.Condition{Kind: api.CompareCond, Operator: api.Equal, Right: apiConst(1)}, "error[unsupported]"},
		{"no right", &api.Condition{Kind: api.CompareCond, Left: apiField("A"), Operator: api.Equal}, "error[bad-json]"},
		{"unknown operator", apiCmp("A", "Between", apiConst(1)), "error[unsupported]"},
		{"empty and", apiLogic(api.AndCondition), "error[unsupported]"},
		{"nil operand", apiLogic(api.AndCondition, nil), "error[bad-json]"},
		{"nil not", apiNot(nil), "error[bad-json]"},
		{"unknown kind", &api.Condition{}, "error[bad-json]"},
		{"in constant", apiCmp("A", api.In, apiConst(1)), "error[unsupported]"},
		{"in empty", apiCmp("A", api.In, &api.Expression{Kind: api.ConstantListExpr}), "error[unsupported]"},
		{"in nil query", apiCmp("A", api.In, &api.Expression{Kind: api.QueryExpr}), "error[bad-json]"},
		{"lossy number", apiCmp("A", api.Contains, apiConst(json.Number("1"))), "error[unsupported]"},
		{"bad field", apiCmp("Manager..Name", api.Equal, apiConst(1)), "error[bad-name]"},
	}
	for _, tt := range tests {
		if _, got := reverseWhere(t, tt.c); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestReverseQueryErrors(t *testing.T) {
	neg := -1
	tests := []struct {
		name string
		eq   *api.EntityQuery
		want string
	}{
		{"nil", nil, "error[bad-json]"},
		{"no fields", &api.EntityQuery{TypeName: "Task"}, "error[unsupported]"},
		{"bad type name", &api.EntityQuery{TypeName: "Ta sk", Fields: []string{"Name"}}, "error[bad-name]"},
		{"empty type name", &api.EntityQuery{Fields: []string{"Name"}}, "error[bad-name]"},
		{"fromLink", &api.EntityQuery{TypeName: "Task", Relations: []api.Relation{{Name: "R", Fields: []string{"Name"}, FromLink: true}}}, "error[unsupported]"},
		{"relation without fields", &api.EntityQuery{TypeName: "Task", Relations: []api.Relation{{Name: "R"}}}, "error[unsupported]"},
		{"negative limit", &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Paging: &api.Paging{Limit: &neg}}, "error[bad-limit]"},
		{"negative from", &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Paging: &api.Paging{From: &neg}}, "error[bad-offset]"},
		{"bad order", &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Orders: []api.OrderBy{{FieldName: "Name", Order: "Up"}}}, "error[unsupported]"},
	}
	for _, tt := range tests {
		q, diags := translate.FromEntityQuery(tt.eq)
		if got := codes(diags); q != nil || got != tt.want {
			t.Errorf("%s: got %v %s, want %s", tt.name, q, got, tt.want)
		}
	}
	for _, aq := range []*api.AggregateQuery{nil, {TypeName: "Task"}, {TypeName: "Task", Aggregations: []api.FieldAggregation{{Function: "Median", FieldName: "Work"}}}} {
		if q, diags := translate.FromAggregateQuery(aq); q != nil || !diags.HasErrors() {
			t.Errorf("FromAggregateQuery(%+v) = %v, %v; want an error", aq, q, diags)
		}
	}
}

func TestReverseSubquery(t *testing.T) {
	sub := &api.EntityQuery{Type: "entityQuery", TypeName: "User", Where: apiCmp("Name", api.Like, apiConst("S%"))}
	got, diags := reverseWhere(t, apiCmp("CreatedBy", api.In, &api.Expression{Kind: api.QueryExpr, Query: sub}))
	want := &ast.InExpr{X: fld("CreatedBy"), Query: query("User", like("Name", false, "S%"), fld("Name"))}
	if diags != "" || !reflect.DeepEqual(got, want) {
		t.Errorf("got %s (%s)\nwant %s", compact(t, got), diags, compact(t, want))
	}
	sub.Orders = []api.OrderBy{{FieldName: "Name"}}
	if _, diags := reverseWhere(t, apiCmp("CreatedBy", api.In, &api.Expression{Kind: api.QueryExpr, Query: sub})); diags != "error[unsupported]" {
		t.Errorf("nested query with orders: got %s", diags)
	}
	sub.Orders = nil
	sub.Type = "aggregateQuery"
	if _, diags := reverseWhere(t, apiCmp("CreatedBy", api.In, &api.Expression{Kind: api.QueryExpr, Query: sub})); diags != "error[unsupported]" {
		t.Errorf("nested aggregateQuery: got %s", diags)
	}
}

func TestReverseNestingLimit(t *testing.T) {
	deep := func(n int) *api.Condition {
		c := apiCmp("A", api.Equal, apiConst("x"))
		for range n {
			c = apiNot(c)
		}
		return c
	}
	q, diags := translate.FromEntityQuery(&api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Where: deep(parser.MaxNesting)})
	if len(diags) != 0 {
		t.Fatalf("%d NOTs: got %v", parser.MaxNesting, diags)
	}
	if _, pd := parser.ParseQuery("deep", []byte(format.Query(q))); pd.HasErrors() {
		t.Errorf("%d NOTs do not parse back: %v", parser.MaxNesting, pd)
	}
	if _, diags := reverseWhere(t, deep(parser.MaxNesting+1)); diags != "error[unsupported]" {
		t.Errorf("%d NOTs: got %s", parser.MaxNesting+1, diags)
	}
}
