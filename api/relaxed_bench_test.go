package api

import (
	"bytes"
	"fmt"
	"testing"
)

// relaxedBody is a relaxed-JSON request of about size bytes: unquoted
// keys, single-quoted strings and trailing commas, as in the API guide.
func relaxedBody(size int) []byte {
	var b bytes.Buffer
	b.WriteString("{typeName: 'Task', fields: [")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "'Field%d', ", i)
	}
	b.WriteString("], paging: {limit: 10,},}")
	return b.Bytes()
}

// BenchmarkStrictJSON rewrites relaxed JSON of 100 KB, 1 MB and 10 MB:
// time and bytes per op grow with the size, not faster.
func BenchmarkStrictJSON(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 10 << 20} {
		in := relaxedBody(size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := StrictJSON(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
