//go:build !unix

package frontend

import "io/fs"

// fileOwner is who owns a file, and how many names (hard links) it has.
type fileOwner struct {
	uid, gid int
	links    uint64
}

// ownerOf returns false: the platform has no Unix owner to keep.
func ownerOf(fs.FileInfo) (fileOwner, bool) { return fileOwner{}, false }
