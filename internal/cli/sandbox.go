package cli

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// sandboxFlags are the flags of `czql sandbox`.
type sandboxFlags struct {
	addr          string
	metadata      string
	data          string
	user          string
	passwordStdin bool
	allowRemote   bool
	baseURL       string
	apiKeys       stringList
}

// sandboxCommand is `czql sandbox`.
func sandboxCommand() *command {
	return &command{
		name:    "sandbox",
		summary: "serve an in-memory Clarizen-compatible API",
		usage:   "czql sandbox [--addr HOST:PORT] [--metadata FILE --data FILE] [--user NAME --password-stdin] [--api-key KEY] [--allow-remote [--base-url URL]]",
		help: `
The sandbox answers the Clarizen REST API v2 under /v2.0/services/ over an
in-memory dataset: the demo organisation (a PMO with projects, tasks,
milestones, users, issues, resource links and timesheets) unless
--metadata and --data name a describeMetadata file and a dataset file
({"entities": {"Task": [{"id": "/Task/t1", "Name": "…"}], …}}; see
"Dataset format" under "czql sandbox" in the README).

It prints its URL on standard output, the login and how to point czql
at it on standard error, then
serves until interrupted (Ctrl-C), which ends it with exit status 130
like any interrupted czql command. The login is
demo/demo unless --user names another user, whose password is read from
the first line of standard input with --password-stdin and never printed.

--api-key KEY (repeatable) also accepts calls with the header
"Authorization: ApiKey KEY", as the real API does; the key is never
printed, but other users of the machine can see it in the process list.

It listens on the loopback interface only; --allow-remote permits another
address (the sandbox has no TLS: use it on trusted networks only).
getServerDefinition answers the URL it listens on as serverLocation;
--base-url URL answers another (the address clients reach it by when it
listens on 0.0.0.0 or behind a proxy). It never comes from a request.

It enforces the API's documented limits (10-minute sessions, two sessions
per user, 25 calls per second, 100 requests per bulk call, 25 MB per
request) and bounds the work of each request; see "Limits" under
"czql sandbox" in the README.

Examples:

  czql sandbox
  czql sandbox --addr 127.0.0.1:0 --metadata md.json --data data.json
  czql sandbox --api-key "$(cat key.txt)"`,
		setup: func(fs *flagSet) func(*env, []string) int {
			f := &sandboxFlags{}
			fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
			fs.StringVar(&f.metadata, "metadata", "", "describeMetadata JSON (or czql cache) `FILE` of the organisation")
			fs.StringVar(&f.data, "data", "", "dataset `FILE` ({\"entities\": {\"Task\": [...]}})")
			fs.StringVar(&f.user, "user", "", "login `NAME` instead of demo (with --password-stdin)")
			fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password of --user from standard input")
			fs.BoolVar(&f.allowRemote, "allow-remote", false, "allow a non-loopback --addr")
			fs.StringVar(&f.baseURL, "base-url", "", "answer `URL` (http://host:port/v2.0/services) as getServerDefinition's serverLocation")
			fs.Var(&f.apiKeys, "api-key", "also accept `KEY` in \"Authorization: ApiKey KEY\" (repeatable)")
			return func(e *env, args []string) int { return runSandbox(e, f, args) }
		},
	}
}

// runSandbox starts the sandbox and serves until the context ends.
func runSandbox(e *env, f *sandboxFlags, args []string) int {
	if code := checkSandboxFlags(e, f, args); code != ExitOK {
		return code
	}
	opts, code := sandboxOptions(e, f)
	if code != ExitOK {
		return code
	}
	srv, err := sandbox.Start(e.ctx, f.addr, opts)
	if err != nil {
		e.errorf("starting the sandbox: %v", err)
		return ExitUsage
	}
	defer srv.Close()
	writeSandboxBanner(e, srv.URL, f)
	<-e.ctx.Done()
	fmt.Fprintln(e.stderr, "czql: sandbox stopped")
	return ExitOK
}

// checkSandboxFlags rejects arguments, half-given flag pairs, empty API
// keys and a non-loopback address without --allow-remote.
func checkSandboxFlags(e *env, f *sandboxFlags, args []string) int {
	switch {
	case len(args) > 0:
		return usageError(e, "sandbox", "takes no arguments")
	case (f.metadata == "") != (f.data == ""):
		return usageError(e, "sandbox", "give --metadata and --data together")
	case (f.user == "") != !f.passwordStdin:
		return usageError(e, "sandbox", "give --user and --password-stdin together")
	case slices.Contains(f.apiKeys, ""):
		return usageError(e, "sandbox", "--api-key needs a non-empty KEY")
	case f.baseURL != "" && !isHTTPURL(f.baseURL):
		return usageError(e, "sandbox", fmt.Sprintf("--base-url %q is not an http:// or https:// URL", f.baseURL))
	}
	host, _, err := net.SplitHostPort(f.addr)
	if err != nil {
		return usageError(e, "sandbox", fmt.Sprintf("bad --addr %q: %v", f.addr, err))
	}
	if ip := net.ParseIP(host); !f.allowRemote && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return usageError(e, "sandbox", fmt.Sprintf("--addr %s is not a loopback address (use --allow-remote to serve it)", f.addr))
	}
	return ExitOK
}

// sandboxOptions loads the organisation and the users to serve.
func sandboxOptions(e *env, f *sandboxFlags) (sandbox.Options, int) {
	var opts sandbox.Options
	var err error
	if f.metadata == "" {
		opts.Metadata, opts.Data, err = sandbox.Demo()
	} else {
		opts.Metadata, opts.Data, err = loadOrganisation(f.metadata, f.data)
	}
	if err != nil {
		e.errorf("loading the organisation: %v", err)
		return opts, ExitUsage
	}
	if f.metadata != "" {
		frontend.WarnDuplicates(e.stderr, f.metadata, opts.Metadata)
	}
	opts.Users = map[string]string{sandbox.DemoUser: sandbox.DemoPassword}
	if f.user != "" {
		pw, err := frontend.ReadPassword(e.stdin)
		if err != nil {
			e.errorf("reading the password from standard input: %v", err)
			return opts, ExitUsage
		}
		opts.Users = map[string]string{f.user: pw}
	}
	opts.APIKeys = f.apiKeys
	opts.BaseURL = strings.TrimRight(f.baseURL, "/")
	return opts, ExitOK
}

// isHTTPURL reports whether s is an absolute http or https URL with a
// host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// loadOrganisation loads a metadata file and a dataset file.
func loadOrganisation(mdPath, dataPath string) (*metadata.Metadata, *sandbox.Dataset, error) {
	md, err := metadata.Load(mdPath)
	if err != nil {
		return nil, nil, err
	}
	data, err := sandbox.LoadDataset(dataPath)
	if err != nil {
		return nil, nil, err
	}
	return md, data, nil
}

// writeSandboxBanner tells on standard error where the sandbox listens
// and how to use it. Only the demo password is ever printed.
func writeSandboxBanner(e *env, url string, f *sandboxFlags) {
	user, password := sandbox.DemoUser, sandbox.DemoPassword
	if f.user != "" {
		user, password = f.user, "'<the password>'"
	}
	fmt.Fprintln(e.stdout, url)
	fmt.Fprintf(e.stderr, "czql: sandbox listening on %s\n", url)
	fmt.Fprintf(e.stderr, "czql: login %s", user)
	if f.user == "" {
		fmt.Fprintf(e.stderr, ", password %s", password)
	}
	fmt.Fprintf(e.stderr, "\nczql: try: CZQL_URL=%s CZQL_USER=%s CZQL_PASSWORD=%s czql run -q \"SELECT Name FROM Task LIMIT 5\"\n", url, user, password)
	if n := len(f.apiKeys); n > 0 {
		fmt.Fprintf(e.stderr, "czql: also accepting the %d API key(s) given with --api-key (Authorization: ApiKey …)\n", n)
	}
	fmt.Fprintln(e.stderr, "czql: press Ctrl-C to stop")
}
