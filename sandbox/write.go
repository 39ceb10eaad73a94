package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
)

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		writeError(w, errorf(codeInternal, "Internal error"))
		return
	}
	writeRaw(w, status, data)
}

// writeRaw writes a JSON body with status.
func writeRaw(w http.ResponseWriter, status int, data []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(data)
}

// writeError writes HTTP 500 with {errorCode, message, referenceId}.
func writeError(w http.ResponseWriter, err error) {
	writeErrorStatus(w, http.StatusInternalServerError, err)
}

// writeErrorStatus writes the API's error body with status.
func writeErrorStatus(w http.ResponseWriter, status int, err error) {
	writeRaw(w, status, errorBody(err))
}

// writeBodyError answers a body that could not be read.
func writeBodyError(w http.ResponseWriter, err error) {
	if errors.Is(err, errBusy) {
		writeTooMany(w, busyBody)
		return
	}
	writeError(w, err)
}

func errorBody(err error) []byte {
	ae, ok := err.(*apiError)
	if !ok {
		ae = errorf(codeGeneral, "%v", err)
	}
	data, _ := json.Marshal(struct {
		ErrorCode   string `json:"errorCode"`
		Message     string `json:"message"`
		ReferenceID string `json:"referenceId"`
	}{ae.code, ae.msg, newID()})
	return data
}

// newID returns a fresh random identifier.
func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
