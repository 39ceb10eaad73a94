package sandbox

import (
	"crypto/subtle"
	"strings"
	"sync"
	"time"
)

// session is one logged-in user.
type session struct {
	id, user, userID string
	opened, last     time.Time
}

// sessions holds the live sessions: they expire after ttl of inactivity,
// a user has at most MaxSessionsPerUser of them, and expired ones are
// reaped as other sessions come and go, not only when used again.
type sessions struct {
	mu       sync.Mutex
	ttl      time.Duration
	now      func() time.Time
	m        map[string]*session   // by id
	byUser   map[string][]*session // oldest login first
	lastReap time.Time
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{ttl: ttl, now: now, m: map[string]*session{}, byUser: map[string][]*session{}}
}

// open starts a session of user, ending the user's oldest sessions
// beyond MaxSessionsPerUser, and returns its id.
func (ss *sessions) open(user, userID string) string {
	id := strings.ToUpper(newID()[:8]+"-"+newID()[:4]) + "_" + newID()[:8]
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	ss.reap(now)
	for len(ss.byUser[user]) >= MaxSessionsPerUser {
		ss.remove(ss.byUser[user][0])
	}
	sess := &session{id: id, user: user, userID: userID, opened: now, last: now}
	ss.m[id] = sess
	ss.byUser[user] = append(ss.byUser[user], sess)
	return id
}

// remove forgets sess; callers hold mu.
func (ss *sessions) remove(sess *session) {
	delete(ss.m, sess.id)
	list := ss.byUser[sess.user]
	for i, s := range list {
		if s == sess {
			list = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(ss.byUser, sess.user)
	} else {
		ss.byUser[sess.user] = list
	}
}

// reap removes the expired sessions; callers hold mu. Logins reap
// every time, other calls at most once per reapInterval.
func (ss *sessions) reap(now time.Time) {
	ss.lastReap = now
	for _, sess := range ss.m {
		if now.Sub(sess.last) > ss.ttl {
			ss.remove(sess)
		}
	}
}

// reapInterval is the longest time between two sweeps of the expired
// sessions while requests arrive.
const reapInterval = time.Minute

// check validates an Authorization header and touches the session.
func (ss *sessions) check(auth string, keys []string) (*session, error) {
	scheme, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	value = strings.TrimSpace(value)
	if strings.EqualFold(scheme, "ApiKey") {
		for _, k := range keys {
			if value != "" && subtle.ConstantTimeCompare([]byte(k), []byte(value)) == 1 {
				return &session{user: "apikey", userID: "/User/apikey"}, nil
			}
		}
		return nil, errorf(codeUnauthorized, "invalid API key")
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	if now.Sub(ss.lastReap) >= min(reapInterval, ss.ttl) {
		ss.reap(now)
	}
	sess := ss.m[value]
	if !strings.EqualFold(scheme, "Session") || sess == nil {
		return nil, errorf(codeSessionTimeout, "Session timed out or does not exist")
	}
	if now.Sub(sess.last) > ss.ttl {
		ss.remove(sess)
		return nil, errorf(codeSessionTimeout, "Session timed out")
	}
	sess.last = now
	return sess, nil
}

// expire ends the session of an Authorization header.
func (ss *sessions) expire(auth string) {
	_, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if sess := ss.m[strings.TrimSpace(value)]; sess != nil {
		ss.remove(sess)
	}
}

func (ss *sessions) get(auth string) *session {
	_, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.m[strings.TrimSpace(value)]
}

// count returns the number of sessions held, expired ones not yet reaped
// included.
func (ss *sessions) count() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return len(ss.m)
}
