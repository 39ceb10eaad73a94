package api

// Type discriminators written in `_type` on nested query objects.
const (
	TypeEntityQuery    = "entityQuery"
	TypeAggregateQuery = "aggregateQuery"
)

// EntityQuery is the body of POST /data/entityQuery.
type EntityQuery struct {
	Type      string     `json:"_type,omitempty"` // set on nested queries only
	TypeName  string     `json:"typeName"`
	Fields    []string   `json:"fields,omitempty"`
	Where     *Condition `json:"where,omitempty"`
	Orders    []OrderBy  `json:"orders,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	Paging    *Paging    `json:"paging,omitempty"`
}

// AggregateQuery is the body of POST /data/aggregateQuery.
type AggregateQuery struct {
	Type         string             `json:"_type,omitempty"`
	TypeName     string             `json:"typeName"`
	GroupBy      []string           `json:"groupBy,omitempty"`
	Where        *Condition         `json:"where,omitempty"`
	Aggregations []FieldAggregation `json:"aggregations"`
	Orders       []OrderBy          `json:"orders,omitempty"`
	Paging       *Paging            `json:"paging,omitempty"`
}

// FieldAggregation is one aggregate of an [AggregateQuery]. Function is
// spelled as the API expects (see the translate package's function table).
type FieldAggregation struct {
	Function  string `json:"function"`
	FieldName string `json:"fieldName"`
	Alias     string `json:"alias,omitempty"`
}

// Relation asks an [EntityQuery] to return related entities with each row.
type Relation struct {
	Name      string     `json:"name"`
	Fields    []string   `json:"fields,omitempty"`
	Where     *Condition `json:"where,omitempty"`
	Orders    []OrderBy  `json:"orders,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	FromLink  bool       `json:"fromLink,omitempty"`
}

// RelationQuery is the body of POST /data/relationQuery.
type RelationQuery struct {
	EntityID     string     `json:"entityId"`
	RelationName string     `json:"relationName"`
	Fields       []string   `json:"fields,omitempty"`
	Where        *Condition `json:"where,omitempty"`
	Orders       []OrderBy  `json:"orders,omitempty"`
	Relations    []Relation `json:"relations,omitempty"`
	FromLink     bool       `json:"fromLink,omitempty"`
	Paging       *Paging    `json:"paging,omitempty"`
}

// CountQuery is the body of POST /data/countQuery.
type CountQuery struct {
	Query *EntityQuery `json:"query"`
}

// Query is the body of POST /data/query: CZQL text with bind parameter
// values and, for continuation pages, the paging object the server returned.
type Query struct {
	Q          string     `json:"q"`
	Parameters Parameters `json:"parameters,omitempty"`
	Paging     *Paging    `json:"paging,omitempty"`
}

// Order is the direction of an [OrderBy].
type Order string

// The order directions.
const (
	Ascending  Order = "Ascending"
	Descending Order = "Descending"
)

// OrderBy sorts by one field or aggregate alias.
type OrderBy struct {
	FieldName string `json:"fieldName"`
	Order     Order  `json:"order"`
}

// Paging selects a page of results. In a request From is the 0-based first
// row and Limit the page size; in a response From is already the offset of
// the next page and HasMore tells whether there is one. Nil fields are
// omitted.
type Paging struct {
	From    *int  `json:"from,omitempty"`
	Limit   *int  `json:"limit,omitempty"`
	HasMore *bool `json:"hasMore,omitempty"`
}

// BulkItem is one request of POST /bulk/execute; `czql translate` prints
// each statement in this shape.
type BulkItem struct {
	URL    string `json:"url"`
	Method string `json:"method"`
	Body   any    `json:"body"`
}

// The query endpoints, relative to the server location.
const (
	PathEntityQuery    = "/data/entityQuery"
	PathAggregateQuery = "/data/aggregateQuery"
	PathRelationQuery  = "/data/relationQuery"
	PathCountQuery     = "/data/countQuery"
	PathQuery          = "/data/query"
)
