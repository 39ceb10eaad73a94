// Package complete is the schema-aware completion engine of the czql-repl
// shell: for a cursor position in the edited text, Complete returns the
// words that may be typed there, with the offset of the word they replace.
// The shell's front end calls it on every keystroke; it is pure (no I/O),
// never panics, and runs in well under a millisecond on a 1,000-entity
// metadata set (see bench_test.go).
//
// # How the context is found
//
// The parser finds it: [parser.Complete] parses the statement around the
// cursor with the grammar of every other tool (the text may hold several
// statements separated by ';', lexed from the start so that a ';' in a
// string or a comment does not split it) and says what it would accept at
// the cursor — keywords and phrases, operators, aggregates, whether a
// relation sub-select may start, and names in their roles (entity, field,
// relation, value, alias) with the entity they belong to. It reads the
// text after the cursor too, so "SELECT Na| FROM Task" completes Task's
// fields, and it recovers from errors before the cursor; a SELECT that
// does not follow '(' starts a new statement, for statements written one
// per line without ';'. A word the cursor splits is cut at the cursor:
// "SELECT Na|me" completes "Na".
//
// This package maps that answer to items with the metadata: the entity
// of a relation sub-select is the target of the outer entity's relation,
// dot paths walk reference fields, values are the pick-list values of
// the compared field. The parser's value slot does not say which operator
// precedes it, so the few tokens between the field and the cursor are
// lexed to offer values after =, <> and != and in IN lists only.
//
// # Contexts
//
//   - statement start: SELECT;
//   - select item (after SELECT or ','): the fields of the FROM entity,
//     then, in the statement's own select list (not in sub-selects), the
//     aggregates COUNT( SUM( AVG( MIN( MAX( and "(SELECT" for a relation
//     sub-select when the entity has relations; after an item FROM, after
//     an aggregate AS and FROM; after '(' SELECT; inside an aggregate the
//     fields. When the statement has no FROM yet, the field names of every
//     entity that start with the typed prefix (at most 100), each
//     described with where it is found ("in 48 entities"); their index is
//     built once per metadata set, in the background ([Prepare] builds it
//     ahead);
//   - after FROM: every entity of the metadata; in a relation sub-select
//     "(SELECT … FROM |)" the relations of the outer entity instead;
//   - after the FROM entity, a complete predicate, a GROUP BY or ORDER BY
//     item or LIMIT n: the clauses still allowed, in grammar order (WHERE,
//     GROUP BY, ORDER BY, LIMIT, OFFSET; only WHERE in an IN sub-query,
//     WHERE and ORDER BY in a relation sub-select), after AND and OR for a
//     predicate (only AND and OR inside condition parentheses) and after
//     ASC and DESC for an ORDER BY item;
//   - condition start (after WHERE, AND, OR, NOT, '('): the fields and NOT;
//   - after a field in a condition: the operators = <> < <= > >= LIKE,
//     NOT LIKE, IN, NOT IN, IS NULL, IS NOT NULL; after NOT: IN, LIKE;
//     after IS: NULL, NOT NULL;
//   - after =, <> or != and in an IN list: the values of the field — its
//     pick-list values quoted with format.Quote, TRUE and FALSE for a
//     Boolean field, and NULL last; the first element of an IN list may
//     also be a sub-query (SELECT). Inside a string literal there ("State =
//     'On H|") only the pick-list values are offered and the word starts at
//     the opening quote;
//   - GROUP BY, ORDER BY and ',' in them: the fields;
//   - dot paths ("Manager.|", "Project.Manager.Na|", in any field position):
//     the fields of the entities the reference field points to — the union
//     over all its ReferencedEntities when it has several (Sponsor → User
//     and ContactPerson), the first of a name winning; values after a path
//     ("Manager.State = |") are the path's field's values;
//   - sub-selects: in "(SELECT | FROM Resources)" the fields of the target
//     of the outer entity's relation; in "IN (SELECT | FROM Project)" the
//     fields of Project;
//   - nothing inside a comment, inside a string that is not a value, in a
//     number, bind parameter or date, after LIMIT or OFFSET, in a
//     statement nested deeper than [parser.MaxNesting] levels, or where
//     the parser expects nothing that can be typed.
//
// Without metadata (md nil) only keywords, operators and NULL are offered.
//
// # Matching and order
//
// The word before the cursor is matched case-insensitively: candidates
// that start with it come first, then those that contain it elsewhere;
// nothing else is offered, and an exact match is kept. Within each of the
// two parts, the groups of a context keep their order (fields before
// aggregates, values before NULL); names (fields, entities, relations) are
// sorted case-insensitively within their group, while keywords, operators
// and pick-list values keep their grammar or pick-list order. An empty word
// offers every candidate. Keywords are upper case; multi-word keywords are
// one item ("GROUP BY", "NOT IN", "IS NOT NULL"). A word typed with '@'
// (an escaped name) is offered names only, each with its '@'; names that
// are keywords are always offered with '@'.
//
// Result.Start is where the word before the cursor starts: after the last
// '.', '(', ',', operator or blank — the word the go-prompt front end
// deletes — or at the opening quote of a string.
//
// # Descriptions
//
// Each Item has a one-line Description:
//
//   - field: "<type> · <label>", e.g. "DateTime · Due Date"; a reference
//     shows its targets instead of the type, "→ User · Manager", several
//     joined by '|' ("→ User|ContactPerson · Sponsor"); a field presented
//     as a pick list shows "pick list · State";
//   - relation: "→ <target> · <label>", e.g. "→ User · Resources";
//   - entity: "entity" — not the entity's label, which on a lazily loaded
//     cache would decode every entity to list them (tens of milliseconds
//     for 1,000 entities);
//   - value: "value of <field path>", e.g. "value of State";
//   - keyword: "keyword" ("relation sub-select" for "(SELECT");
//   - operator: "operator"; aggregate function: "aggregate".
package complete
