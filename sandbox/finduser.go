package sandbox

import (
	"net/http"
	"strings"

	"github.com/czql/czql/api"
)

// findUserRequest is the body of data/findUserQuery (a public Python
// client posts it form-encoded, with eMail for email).
type findUserRequest struct {
	FirstName             string        `json:"firstName"`
	LastName              string        `json:"lastName"`
	Email                 string        `json:"email"`
	FuzzySearchUserName   bool          `json:"fuzzySearchUserName"`
	IncludeSuspendedUsers bool          `json:"includeSuspendedUsers"`
	Fields                stringList    `json:"fields"`
	Orders                []api.OrderBy `json:"orders"`
	Paging                *api.Paging   `json:"paging"`
}

// findUserQuery answers data/findUserQuery: the users whose FirstName,
// LastName and Email are those given (case-insensitively; with
// fuzzySearchUserName, names that contain them), without suspended users
// unless includeSuspendedUsers; criteria left out match every user.
func (s *Server) findUserQuery(r *http.Request, body []byte) (any, error) {
	var req findUserRequest
	if err := decodeOptional(body, &req); err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	ent, err := s.store.entity(calendarUserTypeName)
	if err != nil {
		return nil, err
	}
	var recs []*record
	for _, r := range s.store.rowsOf(ent) {
		if req.matches(r.row) {
			recs = append(recs, r)
		}
	}
	return s.store.runFor(r).rowsResult(ent, recs, req.Fields, req.Orders, nil, req.Paging)
}

// matches reports whether the user row meets the request's criteria.
func (req *findUserRequest) matches(row Row) bool {
	if !req.IncludeSuspendedUsers && strings.EqualFold(lastSegment(text(row["State"])), "Suspended") {
		return false
	}
	return matchName(row["FirstName"], req.FirstName, req.FuzzySearchUserName) &&
		matchName(row["LastName"], req.LastName, req.FuzzySearchUserName) &&
		matchName(row["Email"], req.Email, false)
}

// matchName reports whether a field value matches want: equal under case
// folding, or containing it when fuzzy; an empty want matches anything.
func matchName(v any, want string, fuzzy bool) bool {
	want = strings.TrimSpace(want)
	if want == "" {
		return true
	}
	got, _ := v.(string)
	if fuzzy {
		return strings.Contains(strings.ToLower(got), strings.ToLower(want))
	}
	return strings.EqualFold(got, want)
}
