package metadata

import (
	"strings"
	"testing"
)

// TestNotMetadataIsAnError checks that documents that are not
// describeMetadata are errors that say so, not empty organisations.
func TestNotMetadataIsAnError(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`{}`, "no entity in the document"},
		{`[]`, "no entity in the document"},
		{`{"entityDescriptions": null}`, "no entity in the document"},
		{`{"entities": {"Task": [{"id": "/Task/1"}]}}`, "sandbox dataset"},
	} {
		_, err := Decode(strings.NewReader(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.doc, err, tc.want)
		}
	}
	if md, err := Decode(strings.NewReader(`{"entityDescriptions": []}`)); err != nil || md == nil {
		t.Errorf("an explicit empty list: %v", err)
	}
}
