// Package client is a small HTTP client for the Clarizen REST API v2, the
// API that answers CZQL queries.
//
// A [Client] discovers the data-centre host with getServerDefinition, logs
// in (user name and password, or an API key) and sends every call with
// `Authorization: Session <id>`. Sessions are reused across runs through a
// session file (mode 0600, named by a hash of host and user, in a
// directory only the user can write, never through a symbolic link; reused
// only with the password it was made with, of which it keeps a salted
// hash) and renewed
// transparently, up to 4 times in one call, when the server answers
// SessionTimeout or HTTP 401.
//
// Calls are JSON over POST or GET with gzip, take a context and are
// cancellable, including while waiting to retry. A 429 answer is retried
// after Retry-After; 5xx answers without an API error code and broken
// connections are retried with exponential backoff and jitter for
// idempotent (read-only) requests. An answer that says "API calls quota
// exceeded", whatever its status, is retried only when it names a wait
// (the per-second limit), never as a transient failure. An answer larger
// than 512 MiB is an error wrapping [ErrResponseTooLarge], not retried. Failed calls return an [*Error] that
// carries the API's errorCode, message and referenceId, or the raw text of
// non-JSON bodies.
//
// [Client.Rows] and [Client.Pages] iterate over paged results, echoing the
// server's paging object while hasMore is true.
//
// The password is sent only in the bodies of getServerDefinition and
// login, as the API guide shows: it never appears in URLs, errors, debug
// output (in any of its JSON-escaped or URL-encoded forms, for passwords
// of 4 characters or more) or session files.
package client
