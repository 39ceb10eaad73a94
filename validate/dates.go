package validate

import (
	"fmt"
	"strconv"
)

// looksLikeDate reports whether s starts like an ISO date: four digits and
// a dash.
func looksLikeDate(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// checkDate returns why s is not a valid yyyy-MM-dd[THH:mm[:ss[.f…]]][Z|±hh:mm]
// date or date-time, or "" when it is one.
func checkDate(s string) string {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return "not a date of the form yyyy-MM-dd"
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	switch {
	case !ok1 || !ok2 || !ok3:
		return "not a date of the form yyyy-MM-dd"
	case m < 1 || m > 12:
		return fmt.Sprintf("month %02d does not exist", m)
	case d < 1 || d > daysIn(y, m):
		return fmt.Sprintf("day %02d does not exist in %04d-%02d", d, y, m)
	}
	if len(s) == 10 {
		return ""
	}
	if s[10] != 'T' && s[10] != 't' && s[10] != ' ' {
		return "unexpected text after the date"
	}
	return checkTime(s[11:])
}

// checkTime checks HH:mm[:ss[.f…]][Z|±hh:mm].
func checkTime(s string) string {
	if len(s) < 5 || s[2] != ':' {
		return "not a time of the form HH:mm:ss"
	}
	h, ok1 := digits(s[0:2])
	mi, ok2 := digits(s[3:5])
	switch {
	case !ok1 || !ok2:
		return "not a time of the form HH:mm:ss"
	case h > 23:
		return fmt.Sprintf("hour %02d does not exist", h)
	case mi > 59:
		return fmt.Sprintf("minute %02d does not exist", mi)
	}
	rest := s[5:]
	if len(rest) >= 3 && rest[0] == ':' {
		sec, ok := digits(rest[1:3])
		if !ok {
			return "not a time of the form HH:mm:ss"
		}
		if sec > 59 {
			return fmt.Sprintf("second %02d does not exist", sec)
		}
		rest = rest[3:]
		if len(rest) > 0 && rest[0] == '.' {
			i := 1
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			rest = rest[i:]
		}
	}
	return checkZone(rest)
}

// checkZone checks an optional Z or ±hh:mm suffix.
func checkZone(s string) string {
	switch {
	case s == "" || s == "Z" || s == "z":
		return ""
	case len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':':
		return "unexpected text after the time"
	}
	h, ok1 := digits(s[1:3])
	m, ok2 := digits(s[4:6])
	if !ok1 || !ok2 || h > 14 || m > 59 {
		return "time zone offset " + s + " does not exist"
	}
	return ""
}

// digits parses a string of ASCII digits.
func digits(s string) (int, bool) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
