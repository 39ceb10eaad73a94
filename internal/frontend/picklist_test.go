package frontend

import (
	"testing"

	"github.com/czql/czql/sandbox"
)

func TestPickLists(t *testing.T) {
	if PickLists(nil) != nil {
		t.Error("PickLists(nil) is not nil")
	}
	md, _, err := sandbox.Demo()
	if err != nil {
		t.Fatal(err)
	}
	isPickList := PickLists(md)
	for name, want := range map[string]bool{"State": true, "Country": true, "User": false, "Task": false, "NoSuchEntity": false} {
		if got := isPickList(name); got != want {
			t.Errorf("PickLists(demo)(%q) = %v, want %v", name, got, want)
		}
	}
}
