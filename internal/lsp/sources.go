package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/czql/czql"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/repl/complete"
	"github.com/czql/czql/metadata"
)

// stamp identifies the version of a file on disk: a file that changes
// gets a new modification time or size.
type stamp struct {
	mod  time.Time
	size int64
}

// stampOf returns the stamp of path, and false when it is no regular
// file.
func stampOf(path string) (stamp, bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return stamp{}, false
	}
	return stamp{mod: fi.ModTime(), size: fi.Size()}, true
}

// loaded is a file read by the server: its stamp when read, and the
// result.
type loaded[T any] struct {
	stamp stamp
	value T
	err   error
}

// sources loads the project configurations and metadata files the
// documents are checked with, keeps them, and reloads a file when its
// stamp changes.
type sources struct {
	getenv func(string) string
	mu     sync.Mutex // held while a file loads, so that it loads once
	cfgs   map[string]*loaded[*czql.Config]
	mds    map[string]*loaded[*metadata.Metadata]
	// prepared are the metadata sets whose completion index is built.
	prepared map[*metadata.Metadata]bool
}

// newSources returns an empty set of sources.
func newSources(getenv func(string) string) *sources {
	return &sources{getenv: getenv, cfgs: map[string]*loaded[*czql.Config]{}, mds: map[string]*loaded[*metadata.Metadata]{}, prepared: map[*metadata.Metadata]bool{}}
}

// setup is what one document is checked with, and what the user should
// be told about it.
type setup struct {
	cfgPath string
	cfg     *czql.Config
	mdPath  string
	md      *metadata.Metadata
	changed bool   // a file was loaded again because it changed on disk
	notes   []note // problems and remarks, each shown once
}

// note is a message for the user, shown once per key.
type note struct {
	key string
	typ MessageType
	msg string
}

// resolve returns the configuration and metadata of the document at path
// ("" when it is no file) under the given settings: the configuration is
// want.Config, else the nearest .czql.yaml above the document (above the
// workspace root for a document that is no file); the metadata is
// want.Metadata, else the configuration's, else the one czql lint finds
// ([frontend.DefaultMetadata]). Relative paths are relative to root.
func (src *sources) resolve(path, root string, want userSettings) setup {
	var st setup
	st.cfgPath = src.configPath(path, root, want.Config, &st)
	if st.cfgPath != "" {
		st.cfg = src.config(st.cfgPath, &st)
	}
	st.mdPath = src.metadataPath(root, want.Metadata, st.cfg, &st)
	if st.mdPath != "" {
		st.md = src.metadata(st.mdPath, &st)
	}
	return st
}

// configPath returns the configuration file of a document.
func (src *sources) configPath(path, root, named string, st *setup) string {
	if named != "" {
		return absolute(named, root)
	}
	dir := root
	if path != "" {
		dir = filepath.Dir(path)
	}
	if dir == "" {
		return ""
	}
	found, err := czql.FindConfig(dir)
	if err != nil {
		st.notes = append(st.notes, note{"find-config:" + dir, MessageWarning, fmt.Sprintf("czql: looking for %s above %s: %v", czql.ConfigFile, dir, err)})
	}
	return found
}

// metadataPath returns the metadata file of a document, and notes why
// there is none or which cache was picked.
func (src *sources) metadataPath(root, named string, cfg *czql.Config, st *setup) string {
	switch {
	case named != "":
		return absolute(named, root)
	case cfg != nil && cfg.Metadata != "":
		return cfg.Metadata
	}
	def := frontend.DefaultMetadata(src.getenv)
	switch def.Origin {
	case frontend.NoMetadata:
		st.notes = append(st.notes, note{"no-metadata", MessageInfo,
			"czql: no metadata: checking syntax only (set czql.metadata, metadata: in .czql.yaml, CZQL_METADATA, or run czql metadata fetch)"})
	case frontend.NoCacheForOrg:
		host, user := frontend.CacheIdentity(src.getenv)
		st.notes = append(st.notes, note{"no-metadata", MessageInfo,
			fmt.Sprintf("czql: no metadata cache for %s as %s: checking syntax only (run czql metadata fetch, or set czql.metadata)", host, user)})
	case frontend.FromNewestCache:
		st.notes = append(st.notes, note{"newest:" + def.Path, MessageInfo,
			"czql: no CZQL_URL set: checking against the newest metadata cache, " + def.Path})
	}
	return def.Path
}

// absolute makes a path given in the settings absolute, relative to
// root (or the working directory).
func absolute(path, root string) string {
	if filepath.IsAbs(path) || root == "" {
		if abs, err := filepath.Abs(path); err == nil {
			return abs
		}
		return path
	}
	return filepath.Join(root, path)
}

// config returns the configuration at path, loaded again when it
// changed; nil when it cannot be read (noted).
func (src *sources) config(path string, st *setup) *czql.Config {
	src.mu.Lock()
	defer src.mu.Unlock()
	l := reload(src.cfgs, path, czql.LoadConfig, st)
	if l.err != nil {
		st.notes = append(st.notes, note{fmt.Sprintf("config:%s:%v", path, l.stamp), MessageError, "czql: configuration: " + l.err.Error()})
	}
	return l.value
}

// metadata returns the metadata at path, loaded again when it changed;
// nil when it cannot be loaded (noted). Names it gives twice are noted
// as warnings, as lint writes them.
func (src *sources) metadata(path string, st *setup) *metadata.Metadata {
	src.mu.Lock()
	defer src.mu.Unlock()
	l := reload(src.mds, path, loadMetadata, st)
	key := fmt.Sprintf("%s:%v", path, l.stamp)
	if l.err != nil {
		st.notes = append(st.notes, note{"metadata:" + key, MessageError, "czql: loading metadata: " + l.err.Error()})
		return nil
	}
	for _, d := range l.value.Duplicates() {
		st.notes = append(st.notes, note{"duplicate:" + key + d, MessageWarning, fmt.Sprintf("czql: warning: metadata %s: %s", path, d)})
	}
	return l.value
}

// reload returns the entry of path in cache, loading the file with load
// when it is not there yet or its stamp changed (which sets st.changed).
// The caller holds the lock.
func reload[T any](cache map[string]*loaded[T], path string, load func(string) (T, error), st *setup) *loaded[T] {
	now, _ := stampOf(path)
	if l, ok := cache[path]; ok && l.stamp == now {
		return l
	} else if ok {
		st.changed = true
	}
	l := &loaded[T]{stamp: now}
	l.value, l.err = load(path)
	cache[path] = l
	return l
}

// prepare builds, in the background and once per set, the index of
// field names that completion offers before a FROM (complete.Prepare):
// on a large cache it decodes every entity, so it is started after the
// first check that uses the set rather than when the set is loaded.
func (src *sources) prepare(md *metadata.Metadata) {
	if md == nil {
		return
	}
	src.mu.Lock()
	done := src.prepared[md]
	src.prepared[md] = true
	src.mu.Unlock()
	if !done {
		go complete.Prepare(md)
	}
}

// loadMetadata loads one metadata file.
func loadMetadata(path string) (*metadata.Metadata, error) { return czql.LoadMetadata(path) }

// files returns every file loaded so far.
func (src *sources) files() []string {
	src.mu.Lock()
	defer src.mu.Unlock()
	var out []string
	for p := range src.cfgs {
		out = append(out, p)
	}
	for p := range src.mds {
		out = append(out, p)
	}
	return out
}
