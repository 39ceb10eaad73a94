//go:build !race

package parser

// raceEnabled tells the limits tests whether the race detector runs.
const raceEnabled = false
