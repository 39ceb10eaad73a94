package repl

import (
	"context"
	"errors"
)

// metaRefresh loads the metadata again and validates the next
// statements against it. On failure the current metadata stays.
func (s *Session) metaRefresh(ctx context.Context, _ string) {
	if s.cfg.Refresh == nil {
		s.errorf(`\refresh: there is no metadata source to load from`)
		return
	}
	md, note, err := s.cfg.Refresh(ctx)
	switch {
	case errors.Is(err, context.Canceled):
		s.errorf(`\refresh cancelled; the metadata is unchanged`)
	case err != nil:
		s.errorf(`\refresh failed: %v; the metadata is unchanged`, err)
	default:
		s.SetMetadata(md)
		s.notef("%s", note)
	}
}
