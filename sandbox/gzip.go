package sandbox

import (
	"compress/gzip"
	"net/http"
	"strings"
)

// gzipWriter compresses an answer for a client that accepts gzip, as the
// guide recommends ("Accept-Encoding: gzip" on every request).
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	started bool
}

// compressed returns the writer to answer r on (w itself when r does not
// accept gzip) and the function that finishes the answer.
func compressed(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, func()) {
	w.Header().Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r.Header.Values("Accept-Encoding")) {
		return w, func() {}
	}
	g := &gzipWriter{ResponseWriter: w}
	return g, g.finish
}

// acceptsGzip reports whether Accept-Encoding values name gzip (or *)
// with a non-zero quality.
func acceptsGzip(values []string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			name, params, _ := strings.Cut(part, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name != "gzip" && name != "*" {
				continue
			}
			q := strings.ReplaceAll(strings.ToLower(params), " ", "")
			if q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000" {
				return true
			}
		}
	}
	return false
}

// WriteHeader announces the encoding.
func (g *gzipWriter) WriteHeader(status int) {
	if !g.started {
		g.started = true
		h := g.Header()
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		g.gz = gzip.NewWriter(g.ResponseWriter)
	}
	g.ResponseWriter.WriteHeader(status)
}

// Write compresses p.
func (g *gzipWriter) Write(p []byte) (int, error) {
	if !g.started {
		g.WriteHeader(http.StatusOK)
	}
	return g.gz.Write(p)
}

// Unwrap gives http.ResponseController the connection's writer.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

// finish writes the end of the compressed stream.
func (g *gzipWriter) finish() {
	if g.gz != nil {
		g.gz.Close()
	}
}
