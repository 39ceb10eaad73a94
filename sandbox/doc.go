// Package sandbox is an embedded, Clarizen-compatible REST API v2 server
// over an in-memory dataset, so that CZQL queries run on a fresh machine
// without a Clarizen account: in tests, in demos and behind `czql run`.
//
// A [Server] answers the endpoints of czql-reference.md §7 under
// /v2.0/services/: authentication (getServerDefinition, login, logout,
// getSessionInfo), metadata (describeMetadata, describeEntities,
// describeEntityRelations, listEntities), data (query, entityQuery,
// aggregateQuery, relationQuery, countQuery, search, findUserQuery,
// expenseQuery, timesheetQuery, changeState, getCalendarInfo, objects),
// files/download and bulk/execute; any other endpoint answers the API's
// error body with errorCode InvalidArgument. CZQL sent to data/query is
// parsed and translated with the parser and translate packages, then
// evaluated like an entityQuery.
//
// Requests are read as leniently as the service reads them, as the API
// guide's examples and public clients write them: bodies in relaxed JSON
// (unquoted keys, single quotes; see [api.StrictJSON]) or form-encoded,
// gzip-compressed with Content-Encoding: gzip (the decompressed size
// counts against the request limit), property names in any case,
// `_type` optional, operator names in any case, `where` as CZQL text,
// `parameters` as [] and, for the query and metadata endpoints, GET with
// the parameters in the query string (fields comma-separated; where,
// orders and paging as JSON text). Objects follow the guide: PUT creates,
// POST updates, reference values read back as {"id": …}, and written
// values are checked and converted against the metadata's field types.
//
// Evaluation follows SQL semantics where the API documentation is silent:
//
//   - conditions use three-valued logic: a comparison with a null field
//     value (other than Equal/NotEqual null) is unknown, and only rows
//     whose condition is true are returned (so NotEqual 'x' and
//     DoesNotContain do not match nulls, nor does `not` of an unknown);
//   - string comparisons, Like, BeginsWith, EndsWith and Contains are
//     case-insensitive, as SQL Server collations usually are; Like knows
//     the % and _ wildcards;
//   - a date literal (2024-03-01) compared with a date-time value compares
//     the value's date part, for every operator;
//   - reference fields compare by id ('/User/u1'); a bare value ('Active')
//     compares with the last segment of the id, as pick lists are written;
//   - Duration and Money compare by their "value";
//   - orders put nulls first ascending and last descending;
//   - Count counts non-null values; Sum, Avg, Min and Max ignore nulls;
//   - every row has its EntityType, a reference to /EntityType/<type>
//     (so EntityType = 'Task' matches), and Duration values carry a
//     durationType ("Default" when the data gives none);
//   - a field that only a subtype has (ProjectManager of Project) also
//     resolves on its parent type (the WorkItems of a Topic), null on the
//     rows of other types; a relation whose link entity points at several
//     types returns only rows of the relation's type.
//
// The server treats every request as hostile, since it answers everyone
// on the machine with the printed demo login: it authenticates before it
// reads a body, and bounds sizes, nesting, work, time and connections.
// The guide's governance limits are constants ([MaxBulkRequests],
// [MaxRequestBytes], [MaxSessionsPerUser], [DefaultSessionTTL],
// [DefaultRateLimit]); the sandbox's own bounds are constants or
// [Options] with defaults (limits.go and options.go).
//
// The built-in demo organisation ([Demo]) is the shared metadata fixture
// (with the entities of demo/extra.json) and a deterministic PMO dataset
// generated at first use, with date-times in the API's form
// (2014-10-13T08:00:00.0000000).
//
// Faults ([Faults]) inject latency, 500s, 429s, forced session expiry,
// truncated bodies and dropped connections into data, metadata and bulk
// calls (never into authentication calls).
package sandbox
