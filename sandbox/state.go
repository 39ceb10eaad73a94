package sandbox

import (
	"net/http"
	"strings"

	"github.com/czql/czql/metadata"
)

// changeState answers data/changeState {"ids": […], "state": "Completed"}:
// it sets the State of each entity, all or none. A state must be one of
// the entity type's validStates (or, when it lists none, a value of the
// State pick list); an entity without a State field is an
// InvalidOperation.
func (s *Server) changeState(r *http.Request, body []byte) (any, error) {
	var req struct {
		IDs   stringList `json:"ids"`
		State string     `json:"state"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if len(req.IDs) == 0 || strings.TrimSpace(req.State) == "" {
		return nil, errorf(codeMissingArgument, "ids and state are required")
	}
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	values := make([]string, len(req.IDs))
	recs := make([]*record, len(req.IDs))
	for i, id := range req.IDs {
		rec := s.store.get(id)
		if rec == nil {
			return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
		}
		v, err := s.store.stateValue(rec.ent, strings.TrimSpace(req.State))
		if err != nil {
			return nil, err
		}
		recs[i], values[i] = rec, v
	}
	for i, rec := range recs {
		s.store.update(rec, Row{"State": values[i]}, s.callerID(r), s.opts.Now())
	}
	return obj{}, nil
}

// stateValue returns the State reference of state for an entity of ent.
func (s *store) stateValue(ent *metadata.Entity, state string) (string, error) {
	f := ent.Field("State")
	if f == nil || f.Type != metadata.EntityRef {
		return "", errorf(codeInvalidOperation, "Entity type %s has no state", ent.TypeName)
	}
	target := "State"
	if len(f.ReferencedEntities) == 1 {
		target = f.ReferencedEntities[0]
	}
	valid := ent.ValidStates
	if len(valid) == 0 {
		if pl := s.md.Entity(target); pl != nil {
			valid = pl.PickupValues()
		}
	}
	for _, v := range valid {
		if strings.EqualFold(v, state) {
			return "/" + target + "/" + v, nil
		}
	}
	return "", errorf(codeInvalidArgument, "%s is not a valid state of %s (valid: %s)", state, ent.TypeName, strings.Join(valid, ", "))
}
