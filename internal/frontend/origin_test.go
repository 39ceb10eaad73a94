package frontend

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/czql/czql/metadata"
)

func TestAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", time.Minute: "1 minute old", 59 * time.Minute: "59 minutes old",
		3*time.Hour + 5*time.Minute: "3 hours old", 24 * time.Hour: "1 day old", 50 * time.Hour: "2 days old",
	} {
		if got := Age(d); got != want {
			t.Errorf("Age(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDescribeMetadata(t *testing.T) {
	now := time.Date(2026, 12, 3, 17, 10, 0, 0, time.Local)
	md := metadata.New()
	md.FetchedAt = time.Date(2026, 12, 3, 14, 2, 0, 0, time.Local)
	for _, c := range []struct {
		origin Origin
		md     *metadata.Metadata
		want   string
	}{
		{Origin{Embedded: true}, md, "embedded demo metadata"},
		{Origin{MetadataFile: "/c/x.cache", MetadataCache: true}, md, "cache of 2026-12-03 14:02, 3 hours old"},
		{Origin{MetadataFile: "org.json"}, md, "file org.json of 2026-12-03 14:02, 3 hours old"},
		{Origin{}, nil, "none (statements are sent unchecked)"},
	} {
		if got := DescribeMetadata(c.origin, c.md, now); got != c.want {
			t.Errorf("DescribeMetadata(%+v) = %q, want %q", c.origin, got, c.want)
		}
	}
}

func TestOriginOfTheEmbeddedSandbox(t *testing.T) {
	var stderr bytes.Buffer
	conn, code := Connect(context.Background(), ConnectOptions{Stderr: &stderr, Getenv: func(string) string { return "" }})
	if code != ExitOK {
		t.Fatalf("connect: %d\n%s", code, stderr.String())
	}
	defer conn.Close()
	if got, want := conn.Origin(), (Origin{User: "demo", Host: SandboxHost, Embedded: true}); got != want {
		t.Errorf("Origin() = %+v, want %+v", got, want)
	}
}
