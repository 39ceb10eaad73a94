package sandbox

import (
	"net/http"
	"strings"
)

// The sandbox's working calendar: Monday to Friday from StartHour, for a
// user's AvailabilityHoursPerDay (8 hours when unset), and 20 working days
// a month.
const (
	calendarStartHour     = 9.0
	calendarHoursPerDay   = 8.0
	calendarDaysPerMonth  = 20
	calendarWeekStartsOn  = "Sunday"
	calendarAvailability  = "AvailabilityHoursPerDay"
	calendarUserTypeName  = "User"
	calendarWorkingDayMax = 24.0
)

// calendarInfo answers data/getCalendarInfo?userId=/User/…: the working
// week of a user (of the organisation when userId is absent) in the
// documented shape, {weekStartsOn, weekDayInformation (Sunday first),
// defaultWorkingDay, workingDaysPerMonth}.
func (s *Server) calendarInfo(_ *http.Request, body []byte) (any, error) {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := decodeOptional(body, &req); err != nil {
		return nil, err
	}
	hours := calendarHoursPerDay
	if id := strings.TrimSpace(req.UserID); id != "" {
		h, err := s.userHours(id)
		if err != nil {
			return nil, err
		}
		hours = h
	}
	working := obj{{"isWorkingDay", true}, {"totalWorkingHours", hours},
		{"startHour", calendarStartHour}, {"endHour", calendarStartHour + hours}}
	off := obj{{"isWorkingDay", false}, {"totalWorkingHours", 0.0}, {"startHour", 0.0}, {"endHour", 0.0}}
	week := []obj{off, working, working, working, working, working, off}
	return obj{{"weekStartsOn", calendarWeekStartsOn}, {"weekDayInformation", week},
		{"defaultWorkingDay", working}, {"workingDaysPerMonth", calendarDaysPerMonth}}, nil
}

// userHours returns the daily working hours of the user id (a full id or
// the bare key of a User).
func (s *Server) userHours(id string) (float64, error) {
	if !strings.HasPrefix(id, "/") {
		id = "/" + calendarUserTypeName + "/" + id
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	rec := s.store.get(id)
	if rec == nil || !rec.ent.IsA(calendarUserTypeName) {
		return 0, errorf(codeEntityNotFound, "User %s was not found", id)
	}
	if h, ok := number(rec.row[calendarAvailability]); ok && h > 0 && h+calendarStartHour <= calendarWorkingDayMax {
		return h, nil
	}
	return calendarHoursPerDay, nil
}
