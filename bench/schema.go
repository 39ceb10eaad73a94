package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// fieldType decides which predicates and literals a field gets.
type fieldType int

const (
	tText     fieldType = iota // free text: =, <>, LIKE, IN, IS NULL
	tPick                      // pick list: =, <>, IN, NOT IN
	tDate                      // unquoted date
	tDateTime                  // unquoted date-time
	tNumber                    // integer or decimal
	tPercent                   // 0–100
	tBool                      // TRUE, FALSE, 1, 0
	tRef                       // entity id '/User/…'
	tDuration                  // quoted duration '8h'
)

// field is a field of an entity, possibly a dot path.
type field struct {
	path  string
	typ   fieldType
	picks []string // pick-list values, or the referenced entity for tRef
}

var (
	states     = []string{"Active", "Draft", "On Hold", "Completed", "Cancelled"}
	phases     = []string{"Planning", "Execution", "Closing", "Initiation"}
	priorities = []string{"Low", "Medium", "High", "Critical"}
	discipline = []string{"Engineering", "Design", "QA", "Operations", "Finance", "Marketing"}
	regions    = []string{"EMEA", "APAC", "North America", "LATAM"}
	tracks     = []string{"On Track", "At Risk", "Off Track"}
)

// workItemFields are the fields shared by Task, Milestone, Project and
// WorkItem.
var workItemFields = []field{
	{"Name", tText, nil},
	{"Description", tText, nil},
	{"State", tPick, states},
	{"Phase", tPick, phases},
	{"Priority", tPick, priorities},
	{"Importance", tPick, priorities},
	{"DueDate", tDate, nil},
	{"StartDate", tDate, nil},
	{"ActualStart", tDate, nil},
	{"ActualEnd", tDate, nil},
	{"CreatedOn", tDateTime, nil},
	{"LastUpdatedOn", tDateTime, nil},
	{"PercentCompleted", tPercent, nil},
	{"Work", tDuration, nil},
	{"Duration", tDuration, nil},
	{"ActualEffort", tDuration, nil},
	{"RemainingEffort", tDuration, nil},
	{"ActualCost", tNumber, nil},
	{"PlannedBudget", tNumber, nil},
	{"Critical", tBool, nil},
	{"Mandatory", tBool, nil},
	{"TrackStatus.Name", tPick, tracks},
	{"Manager", tRef, []string{"User"}},
	{"Manager.Name", tText, nil},
	{"Manager.Email", tText, nil},
	{"Project", tRef, []string{"Project"}},
	{"Project.Name", tText, nil},
	{"Project.Manager.Name", tText, nil},
	{"Parent.Name", tText, nil},
	{"CreatedBy.Name", tText, nil},
	{"C_Discipline", tPick, discipline},
	{"C_Region", tPick, regions},
	{"C_CostCenter", tText, nil},
	{"ExternalID", tText, nil},
	{"SYSID", tText, nil},
	{"EntityType", tPick, []string{"Task", "Milestone", "Project"}},
}

// userFields are the fields of User. Language is a MySQL keyword, so the SQL
// side writes it backquoted.
var userFields = []field{
	{"Name", tText, nil},
	{"DisplayName", tText, nil},
	{"FirstName", tText, nil},
	{"LastName", tText, nil},
	{"Email", tText, nil},
	{"JobTitle", tText, nil},
	{"State", tPick, []string{"Active", "Suspended", "Disabled"}},
	{"DirectManager", tRef, []string{"User"}},
	{"DirectManager.Name", tText, nil},
	{"DirectManager.Email", tText, nil},
	{"C_Discipline", tPick, discipline},
	{"C_Region", tPick, regions},
	{"C_HourlyRate", tNumber, nil},
	{"C_EmployeeNumber", tNumber, nil},
	{"C_StartDate", tDate, nil},
	{"CreatedOn", tDateTime, nil},
	{"LastLogin", tDateTime, nil},
	{"Language", tPick, []string{"English", "French", "German", "Hebrew"}},
	{"TimeZone", tText, nil},
	{"Admin", tBool, nil},
	{"ExternalID", tText, nil},
	{"SYSID", tText, nil},
	{"Country.Name", tText, nil},
	{"AvailableFrom", tDate, nil},
}

// projectFields are workItemFields with Project replaced by ParentProject:
// a project's project is its parent project.
var projectFields = func() []field {
	out := make([]field, len(workItemFields))
	for i, f := range workItemFields {
		if f.path == "Project" || strings.HasPrefix(f.path, "Project.") {
			f.path = "Parent" + f.path
		}
		out[i] = f
	}
	return out
}()

var entities = []struct {
	name   string
	fields []field
}{
	{"Task", workItemFields},
	{"Project", projectFields},
	{"Milestone", workItemFields},
	{"WorkItem", workItemFields},
	{"User", userFields},
}

var (
	words = []string{
		"Design review", "Release 4.2", "Acme Corp", "Migration", "Kickoff",
		"Budget approval", "QA sign-off", "Data center move", "Onboarding",
		"Sam Miller", "Dana Levi", "Sprint 17", "CRM rollout", "Audit 2024",
	}
	likeWords = []string{"review", "Release", "QA", "Acme", "Sprint", "Migr", "2024"}
	durations = []string{"0h", "8h", "2d", "1w", "30min", "3mo", "16h"}
	params    = []string{":fromDate", ":toDate", ":owner", ":state", ":minPct"}
	ids       = []string{
		"e22ca960-73bb-4cf6-b6e8-b638ed0ab1fd", "4batkam0jt4xn0l3cdx4y8ueg4",
		"9bcd7df3-4f6b-4272-944c-219b65b7862a", "5r4db1jbd0biqmx59gobn5o6s681",
	}
)

// gen draws the intermediate structures.
type gen struct {
	r *rand.Rand
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }
func (g *gen) intn(n int) int        { return g.r.IntN(n) }
func pick[T any](g *gen, xs []T) T   { return xs[g.r.IntN(len(xs))] }

// query draws one query of class c.
func (g *gen) query(c Class) *spec {
	e := pick(g, entities)
	s := &spec{entity: e.name}
	switch c {
	case Small:
		s.fields = g.fields(e.fields, 3)
		s.where = g.leaf(e.fields)
		s.order = g.order(e.fields, 0.3, 1)
		g.paging(s, 0.3)
	case Medium:
		s.fields = g.fields(e.fields, 6)
		depth := 0
		if g.chance(0.6) {
			depth = 1
		}
		s.where = g.group(e.fields, 3+g.intn(3), depth, "", false)
		s.order = g.order(e.fields, 0.5, 2)
		g.paging(s, 0.4)
		s.multi = g.chance(0.5)
	case Large:
		s.fields = g.fields(e.fields, 20)
		s.where = g.group(e.fields, 15, 3, "", false)
		s.order = g.order(e.fields, 0.6, 3)
		g.paging(s, 0.5)
		s.multi = true
	}
	return s
}

// fields draws n distinct fields; about one in seven is written with @.
func (g *gen) fields(fs []field, n int) []ref {
	perm := g.r.Perm(len(fs))[:n]
	out := make([]ref, n)
	for i, j := range perm {
		out[i] = g.ref(fs[j], 1.0/7)
	}
	return out
}

func (g *gen) ref(f field, atP float64) ref {
	return ref{path: splitDots(f.path), at: g.chance(atP)}
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func (g *gen) order(fs []field, p float64, max int) []orderItem {
	if !g.chance(p) {
		return nil
	}
	n := 1 + g.intn(max)
	out := make([]orderItem, n)
	for i := range out {
		out[i] = orderItem{field: g.ref(pick(g, fs), 0.1), dir: pick(g, []string{"", "ASC", "DESC", "DESC"})}
	}
	return out
}

func (g *gen) paging(s *spec, p float64) {
	if !g.chance(p) {
		return
	}
	s.limit = pick(g, []int{10, 50, 100, 500, 1000, 5000})
	if g.chance(0.5) {
		s.offset = s.limit * (1 + g.intn(20))
	}
}

// group draws a condition of n predicates. With depth > 0 its first item is
// a parenthesised group of about half the predicates, one level deeper, so
// the nesting reaches depth; the other predicates are split into plain
// predicates and, while depth allows, smaller groups. parentOp is the
// operator of the enclosing chain; a nested group uses the other one.
func (g *gen) group(fs []field, n, depth int, parentOp string, paren bool) cond {
	if n == 1 {
		return g.leaf(fs)
	}
	op := "AND"
	switch parentOp {
	case "AND":
		op = "OR"
	case "":
		if g.chance(0.25) {
			op = "OR"
		}
	}
	grp := &group{op: op, paren: paren}
	rest := n
	if depth > 0 {
		first := (n + 1) / 2
		grp.items = append(grp.items, g.nested(fs, first, depth-1, op))
		rest -= first
	}
	for rest > 0 {
		size := 1
		if depth > 1 && rest > 2 && g.chance(0.4) {
			size = 2 + g.intn(rest-1)
			if size > rest {
				size = rest
			}
		}
		if size == 1 {
			grp.items = append(grp.items, g.leaf(fs))
		} else {
			grp.items = append(grp.items, g.nested(fs, size, depth-2, op))
		}
		rest -= size
	}
	return grp
}

// nested draws a parenthesised group, negated one time in four.
func (g *gen) nested(fs []field, n, depth int, parentOp string) cond {
	if depth < 0 {
		depth = 0
	}
	c := g.group(fs, n, depth, parentOp, true)
	if _, ok := c.(*group); ok && g.chance(0.25) {
		return &notCond{x: c}
	}
	return c
}

// leaf draws one predicate, negated with a prefix NOT one time in twelve.
func (g *gen) leaf(fs []field) cond {
	p := g.pred(pick(g, fs))
	if p.kind == pCompare && g.chance(1.0/12) {
		return &notCond{x: p}
	}
	return p
}

// pred draws a predicate that suits the field's type.
func (g *gen) pred(f field) *pred {
	p := &pred{field: g.ref(f, 0.05), kind: pCompare, op: "="}
	if g.chance(0.04) {
		p.kind, p.not = pIsNull, g.chance(0.5)
		return p
	}
	switch f.typ {
	case tText:
		switch x := g.intn(10); {
		case x < 4:
			p.kind, p.not = pLike, g.chance(0.15)
			p.vals = []lit{g.str(likePattern(g))}
		case x < 5:
			p.kind, p.not = pIn, g.chance(0.3)
			p.vals = g.list(words)
		default:
			p.op = pick(g, []string{"=", "=", "<>"})
			p.vals = []lit{g.str(pick(g, words))}
		}
	case tPick:
		if g.chance(0.4) {
			p.kind, p.not = pIn, g.chance(0.3)
			p.vals = g.list(f.picks)
		} else {
			p.op = pick(g, []string{"=", "=", "<>"})
			p.vals = []lit{g.str(pick(g, f.picks))}
		}
	case tDate:
		p.op = pick(g, []string{"<", ">", "<=", ">=", "=", "<>"})
		p.vals = []lit{g.date(false)}
	case tDateTime:
		p.op = pick(g, []string{"<", ">", ">=", "<="})
		p.vals = []lit{g.date(true)}
	case tNumber:
		p.op = pick(g, []string{"<", ">", "<=", ">=", "=", "<>"})
		p.vals = []lit{g.number()}
	case tPercent:
		p.op = pick(g, []string{"<", ">", ">=", "=", "<"})
		p.vals = []lit{{kind: lNumber, text: fmt.Sprint(g.intn(101))}}
	case tBool:
		p.vals = []lit{{kind: lBool, text: pick(g, []string{"TRUE", "FALSE", "1", "0"})}}
	case tRef:
		if g.chance(0.3) {
			p.kind = pIn
			p.vals = g.list(entityIDs(f.picks[0]))
		} else {
			p.op = pick(g, []string{"=", "<>"})
			p.vals = []lit{g.str(pick(g, entityIDs(f.picks[0])))}
		}
	case tDuration:
		p.op = pick(g, []string{">", "<", ">=", "<="})
		p.vals = []lit{g.str(pick(g, durations))}
	}
	if p.kind == pCompare && g.chance(0.03) {
		p.vals = []lit{{kind: lParam, text: pick(g, params)}}
	}
	return p
}

// entityIDs returns the sample ids as ids of entity type e, such as
// "/User/4batkam0jt4xn0l3cdx4y8ueg4".
func entityIDs(e string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "/" + e + "/" + id
	}
	return out
}

func likePattern(g *gen) string {
	w := pick(g, likeWords)
	switch g.intn(3) {
	case 0:
		return w + "%"
	case 1:
		return "%" + w
	}
	return "%" + w + "%"
}

// str is a string literal, double-quoted one time in ten.
func (g *gen) str(s string) lit {
	return lit{kind: lString, text: s, dq: g.chance(0.1)}
}

// list draws an IN list of one to four distinct values from xs.
func (g *gen) list(xs []string) []lit {
	n := 1 + g.intn(min(4, len(xs)))
	out := make([]lit, n)
	for i, j := range g.r.Perm(len(xs))[:n] {
		out[i] = g.str(xs[j])
	}
	return out
}

func (g *gen) date(withTime bool) lit {
	d := fmt.Sprintf("%04d-%02d-%02d", 2014+g.intn(13), 1+g.intn(12), 1+g.intn(28))
	if withTime {
		d += fmt.Sprintf("T%02d:%02d:00", g.intn(24), 15*g.intn(4))
		if g.chance(0.5) {
			d += "Z"
		}
	}
	return lit{kind: lDate, text: d}
}

func (g *gen) number() lit {
	if g.chance(0.5) {
		return lit{kind: lNumber, text: fmt.Sprint(g.intn(100000))}
	}
	return lit{kind: lNumber, text: fmt.Sprintf("%d.%02d", g.intn(100000), g.intn(100))}
}
