package frontend

import (
	"path/filepath"
	"testing"
)

func TestMetadataCachePath(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CACHE_HOME": "/c"}, "/c/czql/metadata/sandbox_demo.cache"},
		{map[string]string{"HOME": "/h", "CZQL_URL": "https://api.clarizen.com/v2.0/services", "CZQL_USER": "me@x.com"},
			"/h/.cache/czql/metadata/api.clarizen.com_me_x.com.cache"},
		{map[string]string{"XDG_CACHE_HOME": "/c", "CZQL_URL": "http://127.0.0.1:8080", "CZQL_API_KEY": "k"},
			"/c/czql/metadata/127.0.0.1_8080_apikey.cache"},
		{map[string]string{"XDG_CACHE_HOME": "/c", "CZQL_URL": "https://h", "CZQL_USER": "../../etc"},
			"/c/czql/metadata/h_.._.._etc.cache"},
		{map[string]string{}, ""},
	} {
		getenv := func(k string) string { return tc.env[k] }
		if got := MetadataCachePath(getenv); filepath.ToSlash(got) != tc.want {
			t.Errorf("%v: got %q, want %q", tc.env, got, tc.want)
		}
	}
}
