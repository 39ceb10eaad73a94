// Package golden runs txtar golden tests: each archive under a testdata
// directory holds an input section and the expected output sections. A test
// computes the outputs; mismatches are shown as a line diff (-want +got), and
// `go test ./... -update` rewrites the archives with the outputs computed.
package golden
