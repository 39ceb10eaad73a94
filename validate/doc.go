// Package validate checks parsed CZQL queries against the describeMetadata
// of an organisation, offline, so that what the server would reject (or
// silently accept) is caught before anything is sent.
//
// [Check] first resolves every name of a query (entities, relations,
// field paths, aliases) into an [Info] side table; the syntax tree is
// never changed. Then each [Rule] reads the tree and the Info and reports
// diagnostics whose Code is the rule's Name. [CheckFile] checks every
// statement of a file, skipping those with syntax errors.
//
// The rules of [DefaultRules], by code:
//
//   - unknown-entity (error): a FROM entity the metadata lacks.
//   - unknown-field (error): a field, or a path's first segment, the entity lacks.
//   - bad-path (error; warning for Money/Duration sub-fields and paths
//     through references with unknown targets): a dot path that cannot be followed.
//   - unknown-relation (error): a relation sub-select naming no relation of the entity.
//   - type-mismatch (error; warning for < > on strings): operator or literal
//     not valid for the field type (czql-reference.md §6.6).
//   - bad-reference (error): an id '/Type/id' of a type the field cannot reference.
//   - bad-value (error; info on case only): a pick-list or State value
//     the metadata does not list.
//   - bad-date (error): an impossible date or date-time.
//   - not-filterable (warning): WHERE on a field with filterable false.
//   - not-sortable (warning): ORDER BY on a field with sortable false.
//   - grouping (error): plain fields missing from GROUP BY, bad ORDER BY in
//     an aggregate query, SUM/AVG/MIN/MAX on unsuitable types.
//   - unverified-function (warning): AVG and MIN, not shown working by any source.
//   - in-subquery (error): an IN sub-query on an entity the field cannot hold.
//   - limit-range (error; warning above 5000): LIMIT/OFFSET values.
//   - duplicate-field (warning): the same field or alias selected twice.
//   - name-case (info): a name spelt in another case than the canonical one.
//   - no-limit (info): a top-level query without LIMIT gets at most 100 rows.
//
// Every unknown name comes with did-you-mean suggestions; when there is
// exactly one candidate the suggestion carries the edit that `czql lint
// --fix` applies. Each rule's Doc explains it in full.
package validate
