// Package api declares the wire types of the Clarizen REST API v2 that czql
// speaks: the query requests (entityQuery, aggregateQuery, relationQuery,
// countQuery and the CZQL query endpoint), their conditions, expressions,
// orders and paging, the responses and the error body.
//
// JSON is produced by encoding/json with explicit tags, so key order is fixed
// and golden files stay stable. Property names are camelCase exactly as in
// the API reference. The union types [Condition] and [Expression] encode to
// the shape their Kind names; `_type` discriminators are written only where
// the reference recommends them (on nested query objects).
//
// Reading is more lenient than writing, as the service is: conditions and
// expressions are told by their property names in any case, a JSON string
// stands for CZQL text where a condition is expected, `parameters` may be
// an empty array, and [StrictJSON] turns the relaxed JSON of the API guide's
// examples ({userName: 'demo'}) into standard JSON.
package api
