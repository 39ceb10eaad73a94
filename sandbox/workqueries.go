package sandbox

import (
	"net/http"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// workQuery is the body of data/expenseQuery and data/timesheetQuery: an
// entityQuery with the filters of those endpoints.
type workQuery struct {
	ProjectID      string         `json:"projectId"`
	CustomerID     string         `json:"customerId"`
	TypeName       string         `json:"typeName"`
	Fields         stringList     `json:"fields"`
	Orders         []api.OrderBy  `json:"orders"`
	Where          *api.Condition `json:"where"`
	Relations      []api.Relation `json:"relations"`
	Deleted        bool           `json:"deleted"`
	Paging         *api.Paging    `json:"paging"`
	IAmTheApprover bool           `json:"iAmTheApprover"` // timesheetQuery
	WorkItems      stringList     `json:"workItems"`      // timesheetQuery
	TimesheetState string         `json:"timesheetState"` // timesheetQuery
}

// timesheetStates maps timesheetQuery's timesheetState to State values.
var timesheetStates = map[string]string{"unsubmitted": "Unsubmitted", "pendingapproval": "Submitted", "approved": "Approved"}

// expenseQuery answers data/expenseQuery: the rows of typeName (Expense by
// default) of a project (projectId) or of a customer's projects
// (customerId), filtered by where. deleted: true finds none: the sandbox
// keeps no deleted entities.
func (s *Server) expenseQuery(r *http.Request, body []byte) (any, error) {
	return s.workQuery(r, body, "Expense", nil)
}

// timesheetQuery answers data/timesheetQuery like expenseQuery, over
// Timesheet by default, with three more filters: workItems (the
// timesheets of those work items), timesheetState (UnSubmitted,
// PendingApproval, Approved or All) and iAmTheApprover (the timesheets
// the caller approved or whose reporter's DirectManager is the caller).
func (s *Server) timesheetQuery(r *http.Request, body []byte) (any, error) {
	return s.workQuery(r, body, "Timesheet", timesheetFilter)
}

// workQuery runs an expenseQuery or a timesheetQuery; extra adds the
// endpoint's own filters.
func (s *Server) workQuery(r *http.Request, body []byte, defaultType string, extra func(*store, *workQuery, string) ([]rowFilter, error)) (any, error) {
	var q workQuery
	if err := decodeOptional(body, &q); err != nil {
		return nil, err
	}
	if q.TypeName == "" {
		q.TypeName = defaultType
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	ent, err := s.store.entity(q.TypeName)
	if err != nil {
		return nil, err
	}
	filters, err := s.store.workFilters(ent, &q)
	if err == nil && extra != nil {
		var more []rowFilter
		more, err = extra(s.store, &q, s.callerID(r))
		filters = append(filters, more...)
	}
	if err != nil {
		return nil, err
	}
	run := s.store.runFor(r)
	recs, err := run.filter(ent, q.Where)
	if err != nil {
		return nil, err
	}
	if q.Deleted {
		recs = nil
	}
	return run.rowsResult(ent, keep(recs, filters), q.Fields, q.Orders, q.Relations, q.Paging)
}

// rowFilter keeps the records it is true of.
type rowFilter func(*record) bool

// keep returns the records that pass every filter.
func keep(recs []*record, filters []rowFilter) []*record {
	var out []*record
next:
	for _, r := range recs {
		for _, f := range filters {
			if !f(r) {
				continue next
			}
		}
		out = append(out, r)
	}
	return out
}

// workFilters compiles projectId and customerId.
func (s *store) workFilters(ent *metadata.Entity, q *workQuery) ([]rowFilter, error) {
	var out []rowFilter
	if q.ProjectID == "" && q.CustomerID == "" {
		return nil, nil
	}
	if ent.Field("Project") == nil {
		return nil, errorf(codeInvalidArgument, "entity type %s has no Project field to filter by", ent.TypeName)
	}
	if q.ProjectID != "" {
		out = append(out, refIn("Project", idSet(q.ProjectID)))
	}
	if q.CustomerID != "" {
		out = append(out, refIn("Project", s.customerProjects(q.CustomerID)))
	}
	return out, nil
}

// timesheetFilter compiles the filters of timesheetQuery.
func timesheetFilter(s *store, q *workQuery, caller string) ([]rowFilter, error) {
	var out []rowFilter
	if len(q.WorkItems) > 0 {
		out = append(out, refIn("WorkItem", idSet(q.WorkItems...)))
	}
	if st := strings.ToLower(q.TimesheetState); st != "" && st != "all" {
		state, ok := timesheetStates[st]
		if !ok {
			return nil, errorf(codeInvalidArgument, "timesheetState must be UnSubmitted, PendingApproval, Approved or All, not %q", q.TimesheetState)
		}
		out = append(out, func(r *record) bool { return strings.EqualFold(lastSegment(text(r.row["State"])), state) })
	}
	if q.IAmTheApprover {
		me := strings.ToLower(caller)
		out = append(out, func(r *record) bool { return s.approves(r, me) })
	}
	return out, nil
}

// approves reports whether the user me approved the timesheet r or
// manages its reporter.
func (s *store) approves(r *record, me string) bool {
	if me == "" {
		return false
	}
	if strings.ToLower(text(r.row["ApprovedBy"])) == me {
		return true
	}
	rep := s.get(text(r.row["ReportedBy"]))
	return rep != nil && strings.ToLower(text(rep.row["DirectManager"])) == me
}

// customerProjects returns the projects that a CustomerLink row ties to
// the customer id.
func (s *store) customerProjects(customer string) map[string]bool {
	out := map[string]bool{}
	link := s.md.Entity("CustomerLink")
	if link == nil {
		return out
	}
	want := strings.ToLower(customer)
	for _, r := range s.rowsOf(link) {
		if strings.ToLower(text(r.row["Customer"])) == want {
			out[strings.ToLower(text(r.row["Project"]))] = true
		}
	}
	return out
}

// idSet returns the lower-case ids.
func idSet(ids ...string) map[string]bool {
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[strings.ToLower(strings.TrimSpace(id))] = true
	}
	return out
}

// refIn keeps the records whose reference field is one of ids.
func refIn(field string, ids map[string]bool) rowFilter {
	return func(r *record) bool {
		v, ok := r.row[field].(string)
		return ok && ids[strings.ToLower(v)]
	}
}
