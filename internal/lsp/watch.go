package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
)

// configPattern is the watcher of every project configuration.
const configPattern = "**/" + ".czql.yaml"

// watchFiles asks a client that supports it to watch the configuration
// and metadata files loaded so far, when there are new ones: the
// registration of the files watched before is replaced. The requests go
// on a goroutine of their own.
func (s *server) watchFiles() {
	files := s.srcs.files()
	slices.Sort(files)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.client.watchFiles || slices.Equal(files, s.watching) {
		return
	}
	s.watching = files
	s.watchSeq++
	go s.register()
}

// watchers returns the watchers of files: a pattern relative to each
// file's folder when the client takes them, else "**/NAME", and the
// pattern of every .czql.yaml. The caller holds the lock.
func (s *server) watchers(files []string) []FileSystemWatcher {
	ws := []FileSystemWatcher{{GlobPattern: configPattern}}
	for _, f := range files {
		if filepath.Base(f) == ".czql.yaml" {
			continue
		}
		if s.client.relativePatterns {
			ws = append(ws, FileSystemWatcher{GlobPattern: RelativePattern{BaseURI: pathURI(filepath.Dir(f)), Pattern: filepath.Base(f)}})
		} else {
			ws = append(ws, FileSystemWatcher{GlobPattern: "**/" + filepath.Base(f)})
		}
	}
	return ws
}

// register registers the watchers of the files of s.watching, unless
// that was done, and removes the registration made before. Registrations
// are made one at a time, so that the last one stays.
func (s *server) register() {
	const method = "workspace/didChangeWatchedFiles"
	s.regMu.Lock()
	defer s.regMu.Unlock()
	s.mu.Lock()
	seq, watchers := s.watchSeq, s.watchers(s.watching)
	s.mu.Unlock()
	if seq == s.registered {
		return
	}
	if s.registered > 0 {
		old := Unregistration{ID: fmt.Sprintf("czql-watch-%d", s.registered), Method: method}
		if err := s.call("client/unregisterCapability", UnregistrationParams{Unregisterations: []Unregistration{old}}, nil); err != nil {
			s.log.Printf("czql lsp: client/unregisterCapability: %v", err)
		}
	}
	reg := Registration{ID: fmt.Sprintf("czql-watch-%d", seq), Method: method, RegisterOptions: DidChangeWatchedFilesRegistrationOptions{Watchers: watchers}}
	if err := s.call("client/registerCapability", RegistrationParams{Registrations: []Registration{reg}}, nil); err != nil {
		s.log.Printf("czql lsp: client/registerCapability: %v", err)
	}
	s.registered = seq
}

// didChangeWatchedFiles checks every open document again: each check
// reloads the files that changed.
func (s *server) didChangeWatchedFiles(params json.RawMessage) (any, error) {
	if _, err := decode[DidChangeWatchedFilesParams](params); err != nil {
		return nil, err
	}
	s.recheckAll()
	return nil, nil
}
