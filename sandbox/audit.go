package sandbox

import (
	"net/http"
	"time"

	"github.com/czql/czql/metadata"
)

// auditTime is the layout of the date-times the sandbox writes, as the API
// renders them (seven fractional digits, no zone).
const auditTime = "2006-01-02T15:04:05.0000000"

// stamp sets the audit fields that ent has among names (CreatedBy and
// CreatedOn, or LastUpdatedBy and LastUpdatedOn) on row: by the caller,
// when there is one, at now.
func stamp(ent *metadata.Entity, row Row, by string, now time.Time, byField, onField string) {
	if by != "" && ent.Field(byField) != nil {
		row[byField] = by
	}
	if ent.Field(onField) != nil {
		row[onField] = now.UTC().Format(auditTime)
	}
}

// update replaces the values of rec's fields named in changes (canonical
// names), stamping LastUpdatedBy and LastUpdatedOn; callers hold the write
// lock. The row is copied, so that rows read before stay as they were.
func (s *store) update(rec *record, changes Row, by string, now time.Time) {
	next := make(Row, len(rec.row)+len(changes)+2)
	for k, v := range rec.row {
		next[k] = v
	}
	for k, v := range changes {
		next[k] = v
	}
	stamp(rec.ent, next, by, now, "LastUpdatedBy", "LastUpdatedOn")
	rec.row = next
}

// callerID returns the user id of the request's session, "" when the
// caller is not a logged-in user (an API key).
func (s *Server) callerID(r *http.Request) string {
	if sess := s.sessions.get(r.Header.Get("Authorization")); sess != nil {
		return sess.userID
	}
	return ""
}
