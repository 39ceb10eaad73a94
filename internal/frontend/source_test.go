package frontend

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDefaultMetadata(t *testing.T) {
	cache := t.TempDir()
	dir := filepath.Join(cache, "czql", "metadata")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, newer := filepath.Join(dir, "a_b.cache"), filepath.Join(dir, "c_d.cache")
	for i, p := range []string{old, newer, filepath.Join(dir, ".tmp-partial")} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		stamp := time.Now().Add(time.Duration(i-3) * time.Hour)
		if err := os.Chtimes(p, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	orgCache := filepath.Join(dir, "c_d.cache")
	for _, tc := range []struct {
		name string
		env  map[string]string
		want MetadataSource
	}{
		{"CZQL_METADATA first", map[string]string{"CZQL_METADATA": "/m.json", "XDG_CACHE_HOME": cache, "CZQL_URL": "https://c", "CZQL_USER": "d"},
			MetadataSource{Path: "/m.json", Origin: FromEnv}},
		{"the organisation's cache", map[string]string{"XDG_CACHE_HOME": cache, "CZQL_URL": "https://c", "CZQL_USER": "d"},
			MetadataSource{Path: orgCache, Origin: FromCache}},
		{"no other organisation's", map[string]string{"XDG_CACHE_HOME": cache, "CZQL_URL": "https://x", "CZQL_USER": "y"},
			MetadataSource{Origin: NoCacheForOrg}},
		{"without CZQL_URL the newest, hidden files aside", map[string]string{"XDG_CACHE_HOME": cache},
			MetadataSource{Path: newer, Origin: FromNewestCache}},
		{"nothing", map[string]string{"XDG_CACHE_HOME": t.TempDir()}, MetadataSource{Origin: NoMetadata}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := DefaultMetadata(func(k string) string { return tc.env[k] }); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
