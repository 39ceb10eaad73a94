package sandbox

import (
	"fmt"
)

// The errorCode values the sandbox answers with (czql-reference.md §7.4).
const (
	codeInvalidField     = "InvalidField"
	codeInvalidQuery     = "InvalidQuery"
	codeInvalidArgument  = "InvalidArgument"
	codeMissingArgument  = "MissingArgument"
	codeEntityNotFound   = "EntityNotFound"
	codeSessionTimeout   = "SessionTimeout"
	codeLoginFailure     = "LoginFailure"
	codeGeneral          = "General"
	codeInternal         = "Internal"
	codeInvalidType      = "InvalidType"
	codeInvalidOperation = "InvalidOperation"
	codeUnauthorized     = "Unauthorized"
	codeFileNotFound     = "FileNotFound"
	codeDuplicateKey     = "DuplicateKey"
)

// apiError is a failed call: HTTP 500 with {errorCode, message,
// referenceId}.
type apiError struct {
	code, msg string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

func errorf(code, format string, args ...any) *apiError {
	return &apiError{code: code, msg: fmt.Sprintf(format, args...)}
}
