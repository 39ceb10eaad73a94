package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/czql/czql/api"
)

// Metadata endpoints, relative to the server location.
const (
	pathDescribeMetadata = "/metadata/describeMetadata"
	pathListEntities     = "/metadata/listEntities"
)

// Query runs a CZQL query (POST /data/query) and returns one page.
func (c *Client) Query(ctx context.Context, q *api.Query) (*api.QueryResponse, error) {
	return c.page(ctx, api.PathQuery, q)
}

// EntityQuery runs POST /data/entityQuery and returns one page.
func (c *Client) EntityQuery(ctx context.Context, q *api.EntityQuery) (*api.QueryResponse, error) {
	return c.page(ctx, api.PathEntityQuery, q)
}

// AggregateQuery runs POST /data/aggregateQuery and returns one page.
func (c *Client) AggregateQuery(ctx context.Context, q *api.AggregateQuery) (*api.QueryResponse, error) {
	return c.page(ctx, api.PathAggregateQuery, q)
}

// RelationQuery runs POST /data/relationQuery and returns one page.
func (c *Client) RelationQuery(ctx context.Context, q *api.RelationQuery) (*api.QueryResponse, error) {
	return c.page(ctx, api.PathRelationQuery, q)
}

// CountQuery runs POST /data/countQuery and returns the count.
func (c *Client) CountQuery(ctx context.Context, q *api.CountQuery) (int64, error) {
	var r api.CountResponse
	if err := c.do(ctx, http.MethodPost, api.PathCountQuery, q, true, &r); err != nil {
		return 0, err
	}
	return r.Count, nil
}

// page posts a read-only query body to path and decodes one page.
func (c *Client) page(ctx context.Context, path string, body any) (*api.QueryResponse, error) {
	var r api.QueryResponse
	if err := c.do(ctx, http.MethodPost, path, body, true, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// DescribeMetadata returns the raw JSON of GET /metadata/describeMetadata
// for metadata.Decode. Empty typeNames means every entity; flags selects
// extra information ("fields", "relations").
func (c *Client) DescribeMetadata(ctx context.Context, typeNames, flags []string) ([]byte, error) {
	var params []string
	if len(typeNames) > 0 {
		params = append(params, "typeNames="+joinEscaped(typeNames))
	}
	if len(flags) > 0 {
		params = append(params, "flags="+joinEscaped(flags))
	}
	path := pathDescribeMetadata
	if len(params) > 0 {
		path += "?" + strings.Join(params, "&")
	}
	var raw rawJSON
	if err := c.do(ctx, http.MethodGet, path, nil, true, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

// ListEntities returns the entity type names of GET /metadata/listEntities.
func (c *Client) ListEntities(ctx context.Context) ([]string, error) {
	var r struct {
		TypeNames []string `json:"typeNames"`
	}
	if err := c.do(ctx, http.MethodGet, pathListEntities, nil, true, &r); err != nil {
		return nil, err
	}
	return r.TypeNames, nil
}

// joinEscaped query-escapes each value and joins them with commas, the
// API's spelling of arrays in query strings.
func joinEscaped(vs []string) string {
	esc := make([]string, len(vs))
	for i, v := range vs {
		esc[i] = url.QueryEscape(v)
	}
	return strings.Join(esc, ",")
}

// rawJSON keeps a body as it came after checking that it is valid JSON.
type rawJSON []byte

// UnmarshalJSON copies b.
func (r *rawJSON) UnmarshalJSON(b []byte) error {
	*r = append((*r)[:0], b...)
	return nil
}
