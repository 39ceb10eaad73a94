// Package gen writes the Go code of `czql gen`: from an organisation's
// metadata (describeMetadata), one value per entity whose fields are the
// typed handles of package czql (czql.StringField, czql.TimeField,
// czql.RefField, …), and one string type per pick list with a constant for
// each of its values. A field that is not filterable gets no condition
// methods and one that is not sortable cannot be ordered by, so that what
// the validator would report becomes a compile error.
//
// The output is gofmt'ed and depends only on the metadata and the options:
// the same metadata gives the same bytes, which is what `czql gen --check`
// compares.
package gen
