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
	// DefaultSessionTTL is the guide's session timeout: "10 minutes of
	// inactivity".
	DefaultSessionTTL = 10 * time.Minute
	// DefaultRateLimit is the real API's 25 requests per second per
	// organisation.
	DefaultRateLimit = 25
	// DefaultLoginRateLimit is the number of login calls answered per
	// second.
	DefaultLoginRateLimit = 5
	// DefaultMaxConnections is the number of connections [Start] serves
	// at once.
	DefaultMaxConnections = 64
	// DefaultBodyTimeout is the time a request body has to arrive.
	DefaultBodyTimeout = 30 * time.Second
	// DefaultMaxBodyMemory is the total size of the request bodies the
	// server holds at once.
	DefaultMaxBodyMemory = 64 << 20
	// DefaultMaxResponseBytes is the largest answer, a bulk call's
	// included.
	DefaultMaxResponseBytes = 64 << 20
	// DefaultMaxWork is the number of evaluation steps (a row tested
	// against a condition node, a value projected, a comparison of a
	// sort) one request may take.
	DefaultMaxWork = 20_000_000
	// DefaultMaxWorkTime is the time one request may evaluate while it
	// holds the dataset.
	DefaultMaxWorkTime = 10 * time.Second
	// DefaultMaxNewObjects is the number of objects that creates may add
	// over the server's life.
	DefaultMaxNewObjects = 10_000
	// DefaultMaxWriteBytes is the total size of the object bodies that
	// creates and updates may store over the server's life.
	DefaultMaxWriteBytes = 64 << 20
)

// Options configures a [Server]. The zero value serves the demo
// organisation to the demo user with the documented limits.
type Options struct {
	// Metadata describes the organisation; nil means the demo's.
	Metadata *metadata.Metadata
	// Data holds the rows; nil means the demo dataset.
	Data *Dataset
	// Users maps user names to passwords; nil means {"demo": "demo"}.
	Users map[string]string
	// APIKeys are the keys accepted in `Authorization: ApiKey <key>`.
	APIKeys []string
	// BaseURL is the API base (http://host:port/v2.0/services) that
	// getServerDefinition answers as serverLocation; it is never taken
	// from a request's Host header. [Start] sets it to the URL it
	// listens on when it is empty; a Server served otherwise without one
	// answers an empty serverLocation, which tells clients to stay on
	// the URL they called.
	BaseURL string
	// SessionTTL is the inactivity after which a session expires;
	// 0 means [DefaultSessionTTL].
	SessionTTL time.Duration
	// RateLimit is the number of requests per second per organisation;
	// 0 means [DefaultRateLimit] and a negative value disables the limit.
	// Only authenticated requests count.
	RateLimit int
	// LoginRateLimit is the number of login calls answered per second;
	// 0 means [DefaultLoginRateLimit] and a negative value disables the
	// limit.
	LoginRateLimit int
	// DailyCallQuota is the number of API calls answered per UTC day (a
	// bulk call counts once; login and getServerDefinition do not
	// count); 0, the default, means no quota.
	DailyCallQuota int
	// MaxConnections is the number of connections [Start] serves at once;
	// 0 means [DefaultMaxConnections].
	MaxConnections int
	// BodyTimeout is the time a request body has to arrive once its head
	// has; 0 means [DefaultBodyTimeout].
	BodyTimeout time.Duration
	// MaxBodyMemory is the total size of the request bodies held at once;
	// 0 means [DefaultMaxBodyMemory]. A request whose body does not fit
	// is answered 429, to be tried again.
	MaxBodyMemory int64
	// MaxResponseBytes is the largest answer; 0 means
	// [DefaultMaxResponseBytes].
	MaxResponseBytes int
	// MaxWork is the number of evaluation steps one request may take;
	// 0 means [DefaultMaxWork].
	MaxWork int
	// MaxWorkTime is the time one request may evaluate; 0 means
	// [DefaultMaxWorkTime].
	MaxWorkTime time.Duration
	// MaxNewObjects is the number of objects creates may add; 0 means
	// [DefaultMaxNewObjects].
	MaxNewObjects int
	// MaxWriteBytes is the total size of object bodies creates and
	// updates may store; 0 means [DefaultMaxWriteBytes].
	MaxWriteBytes int64
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
	if o.Now == nil {
		o.Now = time.Now
	}
	o.limitDefaults()
	return nil
}

// limitDefaults replaces unset limits by their defaults.
func (o *Options) limitDefaults() {
	orDefault(&o.SessionTTL, DefaultSessionTTL)
	orDefault(&o.BodyTimeout, DefaultBodyTimeout)
	orDefault(&o.MaxWorkTime, DefaultMaxWorkTime)
	orDefault(&o.MaxConnections, DefaultMaxConnections)
	orDefault(&o.MaxBodyMemory, DefaultMaxBodyMemory)
	orDefault(&o.MaxResponseBytes, DefaultMaxResponseBytes)
	orDefault(&o.MaxWork, DefaultMaxWork)
	orDefault(&o.MaxNewObjects, DefaultMaxNewObjects)
	orDefault(&o.MaxWriteBytes, DefaultMaxWriteBytes)
	if o.RateLimit == 0 {
		o.RateLimit = DefaultRateLimit
	}
	if o.LoginRateLimit == 0 {
		o.LoginRateLimit = DefaultLoginRateLimit
	}
}

// orDefault sets *v to def when it is not positive.
func orDefault[T int | int64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
