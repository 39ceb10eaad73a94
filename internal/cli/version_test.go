package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{name: "no build info", info: nil, want: "czql (devel)\ngo: " + runtime.Version() + "\n"},
		{
			name: "module version",
			info: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/czql/czql", Version: "v0.1.0"}},
			want: "czql v0.1.0\ngo: go1.26.8\n",
		},
		{
			name: "checkout with VCS stamp",
			info: &debug.BuildInfo{
				GoVersion: "go1.26.8",
				Main:      debug.Module{Path: "github.com/czql/czql", Version: "(devel)"},
				Settings: []debug.BuildSetting{
					{Key: "vcs", Value: "git"},
					{Key: "vcs.revision", Value: "1ea9fe4c0ffee"},
					{Key: "vcs.time", Value: "2026-05-01T10:00:00Z"},
					{Key: "vcs.modified", Value: "true"},
				},
			},
			want: "czql (devel)\ngo: go1.26.8\nrevision: 1ea9fe4c0ffee (modified)\ncommitted: 2026-05-01T10:00:00Z\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(tt.info); got != tt.want {
				t.Errorf("versionText:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
