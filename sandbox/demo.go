package sandbox

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/czql/czql/metadata"
)

// demoMetadata is a copy of testdata/metadata/clarizen.json (a test keeps
// them identical).
//
//go:embed demo/metadata.json
var demoMetadata []byte

// demoExtra describes the entities the demo organisation has beyond the
// shared fixture (DiscussionGroup), kept apart so that the fixture other
// packages test against does not change with the demo.
//
//go:embed demo/extra.json
var demoExtra []byte

var (
	demoOnce sync.Once
	demoMD   *metadata.Metadata
	demoData *Dataset
	demoErr  error
)

// Demo returns the built-in demo organisation: the fixture metadata (with
// the entities of demo/extra.json) and a deterministic PMO dataset
// (users, customers, projects, milestones, tasks, issues, bugs, risks,
// resource links, timesheets, topics, discussion groups and the
// organisation), generated at first use from a fixed seed. The results
// are shared: do not modify them.
func Demo() (*metadata.Metadata, *Dataset, error) {
	demoOnce.Do(func() {
		var doc []byte
		if doc, demoErr = mergeDescriptions(demoMetadata, demoExtra); demoErr != nil {
			return
		}
		demoMD, demoErr = metadata.Decode(bytes.NewReader(doc))
		if demoErr == nil {
			demoData = generateDemo(demoMD, demoSizes)
		}
	})
	return demoMD, demoData, demoErr
}

// mergeDescriptions joins the entityDescriptions of describeMetadata
// documents into one document.
func mergeDescriptions(docs ...[]byte) ([]byte, error) {
	var all []json.RawMessage
	for _, d := range docs {
		var doc struct {
			EntityDescriptions []json.RawMessage `json:"entityDescriptions"`
		}
		if err := json.Unmarshal(d, &doc); err != nil {
			return nil, err
		}
		all = append(all, doc.EntityDescriptions...)
	}
	return json.Marshal(map[string]any{"entityDescriptions": all})
}
