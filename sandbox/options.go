package sandbox

import (
	"time"

	"github.com/czql/czql/metadata"
)

// The demo organisation's credentials.
const (
	DemoUser     = "demo"
	DemoPassword = "demo"
)

// Defaults of [Options].
const (
	DefaultSessionTTL = 30 * time.Minute
	DefaultRateLimit  = 25
)

// Options configures a [Server]. The zero value serves the demo
// organisation to the demo user.
type Options struct {
	// Metadata describes the organisation; nil means the demo's.
	Metadata *metadata.Metadata
	// Data holds the rows; nil means the demo dataset.
	Data *Dataset
	// Users maps user names to passwords; nil means {"demo": "demo"}.
	Users map[string]string
	// APIKeys are the keys accepted in `Authorization: ApiKey <key>`.
	APIKeys []string
	// SessionTTL is the inactivity after which a session expires;
	// 0 means 30 minutes.
	SessionTTL time.Duration
	// RateLimit is the number of requests per second per organisation;
	// 0 means 25 and a negative value disables the limit.
	RateLimit int
	// Faults injects failures for tests.
	Faults Faults
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Faults are failures injected per request, each with its probability
// (0 to 1). Authentication calls are never faulted.
type Faults struct {
	// Latency delays every faultable request.
	Latency time.Duration
	// ErrorRate answers HTTP 500 with errorCode General.
	ErrorRate float64
	// RateLimitRate answers 429 as if over the rate limit.
	RateLimitRate float64
	// ExpireRate expires the caller's session (SessionTimeout).
	ExpireRate float64
	// TruncateRate cuts the response body in half.
	TruncateRate float64
	// DropRate closes the connection without an answer.
	DropRate float64
	// Seed seeds the fault generator; runs with the same seed and
	// request order inject the same faults.
	Seed uint64
}

func (o *Options) withDefaults() error {
	if o.Metadata == nil || o.Data == nil {
		md, data, err := Demo()
		if err != nil {
			return err
		}
		if o.Metadata == nil {
			o.Metadata = md
		}
		if o.Data == nil {
			o.Data = data
		}
	}
	if o.Users == nil {
		o.Users = map[string]string{DemoUser: DemoPassword}
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = DefaultSessionTTL
	}
	if o.RateLimit == 0 {
		o.RateLimit = DefaultRateLimit
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return nil
}
