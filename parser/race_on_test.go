//go:build race

package parser

// raceEnabled tells the limits tests that the race detector slows every
// memory access down, so that times mean nothing.
const raceEnabled = true
