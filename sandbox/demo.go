package sandbox

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/czql/czql/metadata"
)

// demoMetadata is a copy of testdata/metadata/clarizen.json (a test keeps
// them identical).
//
//go:embed demo/metadata.json
var demoMetadata []byte

var (
	demoOnce sync.Once
	demoMD   *metadata.Metadata
	demoData *Dataset
	demoErr  error
)

// Demo returns the built-in demo organisation: the fixture metadata and a
// deterministic PMO dataset (users, customers, projects, milestones,
// tasks, issues, bugs, risks, resource links and timesheets), generated
// at first use from a fixed seed. The results are shared: do not modify
// them.
func Demo() (*metadata.Metadata, *Dataset, error) {
	demoOnce.Do(func() {
		demoMD, demoErr = metadata.Decode(bytes.NewReader(demoMetadata))
		if demoErr == nil {
			demoData = generateDemo(demoMD, demoSizes)
		}
	})
	return demoMD, demoData, demoErr
}
