package sandbox

import (
	"context"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/czql/czql/api"
)

// storeLimits bounds the work of each request on a store and the growth
// of the store (see [Options]).
type storeLimits struct {
	work       int
	workTime   time.Duration
	now        func() time.Time
	newObjects int
	writeBytes int64
}

// writes counts what object creates and updates have added to a store.
type writes struct {
	mu      sync.Mutex
	created int
	bytes   int64
}

// budget is the work one request (a bulk call with all its
// sub-requests) may still do: the steps left and the time it must end by.
// The sub-requests of a bulk call run one after the other, sharing it.
type budget struct {
	left     int
	deadline time.Time
	now      func() time.Time
	limit    time.Duration
}

// newBudget returns the budget of one request under limits.
func newBudget(limits storeLimits) *budget {
	b := &budget{left: math.MaxInt, now: limits.now, limit: limits.workTime}
	if limits.work > 0 {
		b.left = limits.work
	}
	if limits.workTime > 0 && limits.now != nil {
		b.deadline = limits.now().Add(limits.workTime)
	}
	return b
}

// spend takes n steps from the budget, or fails when they are more than
// remain or the time is up.
func (b *budget) spend(n int) error {
	if n > b.left || n < 0 {
		b.left = 0
		return errorf(codeInvalidOperation, "the query needs more work than the sandbox allows one request: narrow the condition or ask for fewer rows, fields or relations")
	}
	b.left -= n
	if !b.deadline.IsZero() && b.now().After(b.deadline) {
		return errorf(codeInvalidOperation, "the query took longer than the sandbox allows one request (%s)", b.limit)
	}
	return nil
}

// budgetKey is the context key of a request's budget.
type budgetKey struct{}

// withBudget returns r with a fresh budget in its context.
func (s *store) withBudget(r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), budgetKey{}, newBudget(s.limits)))
}

// run is one request's evaluation on the store: its budget and the
// nesting of the condition being compiled. Its methods do the work of the
// query endpoints and spend the budget before each loop, so that a
// request that would take too long is refused before it starts the loop.
type run struct {
	*store
	*budget
	depth int
	nodes int // condition nodes compiled so far, each a step per row tested
}

// newRun starts an evaluation with a budget of its own.
func (s *store) newRun() *run {
	return &run{store: s, budget: newBudget(s.limits)}
}

// runFor starts an evaluation for r, with the budget of its context
// (shared by the sub-requests of a bulk call), or one of its own.
func (s *store) runFor(r *http.Request) *run {
	if b, ok := r.Context().Value(budgetKey{}).(*budget); ok {
		return &run{store: s, budget: b}
	}
	return s.newRun()
}

// times multiplies two step counts, saturating instead of overflowing.
func times(a, b int) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// sortSteps is the number of comparisons of sorting n rows by k keys.
func sortSteps(n, k int) int {
	if n < 2 || k == 0 {
		return 0
	}
	return times(times(n, k), 1+int(math.Log2(float64(n))))
}

// enter counts one more level of condition nesting, failing beyond
// MaxConditionDepth; leave undoes it.
func (r *run) enter() error {
	if r.depth++; r.depth > MaxConditionDepth {
		return errorf(codeInvalidQuery, "the condition is nested more than %d levels deep", MaxConditionDepth)
	}
	return nil
}

func (r *run) leave() { r.depth-- }

// checkWrite bounds an object create or update before it runs: its body
// is at most MaxObjectBytes and the bodies written over the store's life
// stay within the write budget.
func (s *store) checkWrite(endpoint, method string, body []byte) error {
	if !strings.HasPrefix(endpoint, "data/objects/") || (method != http.MethodPut && method != http.MethodPost) {
		return nil
	}
	if len(body) > MaxObjectBytes {
		return errorf(codeInvalidArgument, "an object body may hold at most %d bytes", MaxObjectBytes)
	}
	s.writes.mu.Lock()
	defer s.writes.mu.Unlock()
	if s.limits.writeBytes > 0 && s.writes.bytes+int64(len(body)) > s.limits.writeBytes {
		return errorf(codeInvalidOperation, "the sandbox has stored all the object data it may (%d bytes); restart it", s.limits.writeBytes)
	}
	s.writes.bytes += int64(len(body))
	return nil
}

// countCreate counts one created object, failing when creates have added
// as many as the limit allows.
func (s *store) countCreate() error {
	s.writes.mu.Lock()
	defer s.writes.mu.Unlock()
	if s.limits.newObjects > 0 && s.writes.created >= s.limits.newObjects {
		return errorf(codeInvalidOperation, "the sandbox has created all the objects it may (%d); restart it", s.limits.newObjects)
	}
	s.writes.created++
	return nil
}

// checkCompare refuses a comparison without both operands, and a string
// operator's constant longer than MaxPatternLength.
func checkCompare(c *api.Condition) error {
	op, right := c.Operator.Canonical(), c.Right
	if c.Left == nil || right == nil {
		return errorf(codeInvalidQuery, "a comparison needs a leftExpression and a rightExpression")
	}
	switch op {
	case api.BeginsWith, api.EndsWith, api.Contains, api.DoesNotContain, api.Like:
		if right.Kind == api.ConstantExpr && len(text(right.Value)) > MaxPatternLength {
			return errorf(codeInvalidQuery, "the operand of %s may hold at most %d bytes", op, MaxPatternLength)
		}
	}
	return nil
}
