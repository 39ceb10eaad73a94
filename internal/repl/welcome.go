package repl

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/repl/complete"
	"github.com/czql/czql/metadata"
)

// welcomeText is the hint on the first screen of an interactive session.
const welcomeText = `czql-repl: statements end with ';' and may span lines; \help lists the meta-commands.
Try:  SELECT Name, State, Manager.Name FROM Task WHERE State = 'Active' ORDER BY Name LIMIT 10;
      \entities   \describe Task   (Tab completes, Ctrl+C cancels or clears, Ctrl+D quits)
`

// welcome writes the first-screen hint.
func welcome(w io.Writer) { io.WriteString(w, welcomeText) }

// originLine is the first line of an interactive session: the
// organisation and the metadata it uses, with the metadata's age.
func originLine(origin frontend.Origin, md *metadata.Metadata, now time.Time) string {
	where := origin.User + "@" + origin.Host
	if origin.Embedded {
		where += " (the embedded sandbox's demo organisation)"
	}
	return fmt.Sprintf("czql-repl: connected to %s; metadata: %s\n", where, frontend.DescribeMetadata(origin, md, now))
}

// passwordPrompt is the prompt of the no-echo password read.
func passwordPrompt(getenv func(string) string) string {
	host := getenv("CZQL_URL")
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		host = u.Host
	}
	return fmt.Sprintf("Password for %s at %s: ", getenv("CZQL_USER"), host)
}

// loadHistory opens the history file, or returns nil (with a note) when
// it cannot be read; a missing location means no history.
func loadHistory(getenv func(string) string, stderr io.Writer) *history {
	path := historyPath(getenv)
	if path == "" {
		return nil
	}
	h, err := openHistory(path, historyLimit)
	if err != nil {
		fmt.Fprintf(stderr, "czql-repl: history not loaded: %v\n", err)
		return nil
	}
	return h
}

// fetchInBackground fetches the metadata the organisation has no cache
// for, while the session goes on; statements are validated once it is
// there.
func fetchInBackground(ctx context.Context, conn *frontend.Conn, s *Session, ed *editor, stderr io.Writer) {
	fmt.Fprintln(stderr, "czql-repl: no cached metadata for this organisation: fetching it in the background (statements are sent unchecked until then)")
	go func() {
		md, note, err := conn.RefreshMetadata(ctx)
		if err != nil {
			ed.note(fmt.Sprintf(`czql-repl: fetching the metadata failed: %v (\refresh tries again)`, err))
			return
		}
		s.SetMetadata(md)
		complete.Prepare(md)
		ed.note("czql-repl: " + note)
	}()
}
