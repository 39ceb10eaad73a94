package ast_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// ExampleWriteJSON writes the tree of a statement as JSON, the output of
// `czql parse --ast`, and reads a node back from it.
func ExampleWriteJSON() {
	text := []byte("SELECT Näme FROM Task WHERE State = 'Active'")
	f, diags := parser.ParseFile("q.czql", text)
	var out bytes.Buffer
	if err := ast.WriteJSON(&out, diag.NewSource("q.czql", text), f, diags); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}

	var doc struct {
		SchemaVersion int
		Queries       []struct {
			From struct {
				Entity struct {
					Kind  string
					Name  string
					Range struct {
						Start struct{ Offset, Line, Col, UTF16Col int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	e := doc.Queries[0].From.Entity
	fmt.Println("schema version", doc.SchemaVersion)
	fmt.Printf("%s %s at byte column %d, UTF-16 column %d\n", e.Kind, e.Name, e.Range.Start.Col, e.Range.Start.UTF16Col)
	// Output:
	// schema version 1
	// Ident Task at byte column 19, UTF-16 column 18
}
