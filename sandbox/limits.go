package sandbox

import (
	"time"

	"github.com/czql/czql/parser"
)

// The limits of the REST API guide's "API Governance" and "Session
// Management" sections, which the sandbox enforces as documented.
const (
	// MaxBulkRequests is the most sub-requests one bulk/execute call may
	// carry ("Request batch limiting ... is 100"); a larger call is
	// refused as a whole with InvalidArgument.
	MaxBulkRequests = 100
	// MaxRequestBytes is the largest request body ("must not exceed 25
	// MB"); a larger one is refused with InvalidArgument and its
	// connection closed.
	MaxRequestBytes = 25 << 20
	// MaxSessionsPerUser is the number of concurrent sessions of one user
	// ("limited to two"). The guide does not say what happens on a third
	// login: the sandbox ends that user's oldest session, which then
	// answers SessionTimeout, so that a client that logs in again keeps
	// working.
	MaxSessionsPerUser = 2
)

// The sandbox's own bounds on the work one request may cause. The guide
// documents none of them; they keep a server that answers everyone on the
// machine (with the printed demo login) responsive and its memory
// bounded.
const (
	// MaxLoginBytes is the largest body of a login call.
	MaxLoginBytes = 64 << 10
	// MaxHeaderBytes is the largest request head (request line and
	// headers) a connection may send.
	MaxHeaderBytes = 64 << 10
	// HeaderTimeout is the time a connection has to send a request head.
	HeaderTimeout = 10 * time.Second
	// IdleTimeout is how long a kept-alive connection may wait for its
	// next request.
	IdleTimeout = 60 * time.Second
	// ResponseTimeout is how long a request may take from its arrival to
	// the last byte of its answer, a slow reader included.
	ResponseTimeout = 2 * time.Minute
	// MaxConditionDepth is the deepest nesting of and, or, not and
	// sub-queries in a request's conditions; a deeper condition is an
	// InvalidQuery error. It is three levels for each of the parser's
	// (an In sub-query may hold an or of ands without parentheses), and
	// two for the ands and ors at the top, so that every CZQL text the
	// parser accepts is answered.
	MaxConditionDepth = 3*parser.MaxNesting + 2
	// MaxInValues is the longest list of values of one In condition.
	MaxInValues = 1000
	// MaxPatternLength is the longest Like, BeginsWith, EndsWith,
	// Contains or DoesNotContain operand, in bytes.
	MaxPatternLength = 1000
	// MaxObjectBytes is the largest body of an object create or update.
	MaxObjectBytes = 1 << 20
)
