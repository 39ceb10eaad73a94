package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startSandboxCommand runs `czql sandbox args...` until the test ends and
// returns the URL it printed, its standard error and a channel with its
// exit code.
func startSandboxCommand(t *testing.T, stdin io.Reader, args ...string) (url string, stderr *syncBuffer, done chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done = make(chan int, 1)
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	go func() { done <- run(e, append([]string{"sandbox"}, args...)) }()
	t.Cleanup(cancel)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if line, _, ok := strings.Cut(stdout.String(), "\n"); ok {
			return line, stderr, done
		}
		select {
		case code := <-done:
			t.Fatalf("sandbox exited with %d: %s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatal("sandbox printed no URL")
	return "", nil, nil
}

func TestSandboxCommandServesTheDemoOrganisation(t *testing.T) {
	url, stderr, _ := startSandboxCommand(t, nil, "--addr", "127.0.0.1:0")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("URL %q", url)
	}
	if want := "CZQL_URL=" + url + " CZQL_USER=demo CZQL_PASSWORD=demo czql run"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
	var out, errOut bytes.Buffer
	vars := map[string]string{"CZQL_URL": url, "CZQL_USER": "demo", "CZQL_PASSWORD": "demo"}
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	if code := run(e, []string{"run", "--format", "jsonl", "-q", "SELECT Name FROM Task LIMIT 2"}); code != ExitOK {
		t.Fatalf("run: exit %d: %s", code, errOut.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Errorf("got %d rows, want 2:\n%s", n, out.String())
	}
}

func TestSandboxCommandStopsOnInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(&env{ctx: ctx, stdout: stdout, stderr: stderr}, []string{"sandbox", "--addr", "127.0.0.1:0"})
	}()
	for !strings.Contains(stdout.String(), "\n") {
		time.Sleep(10 * time.Millisecond)
	}
	url := strings.TrimSpace(stdout.String())
	cancel()
	if code := <-done; code != ExitInterrupted {
		t.Errorf("exit %d, want %d", code, ExitInterrupted)
	}
	if _, err := http.Get(url + "/authentication/getServerDefinition"); err == nil {
		t.Error("sandbox still answers after the interrupt")
	}
}

func TestSandboxCommandNeverPrintsAGivenPassword(t *testing.T) {
	url, stderr, _ := startSandboxCommand(t, strings.NewReader("t0p-s3cret\n"), "--addr", "127.0.0.1:0", "--user", "ops", "--password-stdin")
	if strings.Contains(stderr.String(), "t0p-s3cret") {
		t.Errorf("password printed:\n%s", stderr.String())
	}
	var out, errOut bytes.Buffer
	vars := map[string]string{"CZQL_URL": url, "CZQL_USER": "ops", "CZQL_PASSWORD": "t0p-s3cret"}
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut, getenv: func(k string) string { return vars[k] }}
	if code := run(e, []string{"run", "-q", "SELECT Name FROM Task LIMIT 1"}); code != ExitOK {
		t.Fatalf("run as ops: exit %d: %s", code, errOut.String())
	}
}

func TestSandboxCommandRefusesRemoteAddresses(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut}
	if code := run(e, []string{"sandbox", "--addr", "0.0.0.0:0"}); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(errOut.String(), "--allow-remote") {
		t.Errorf("stderr: %s", errOut.String())
	}
}

func TestSandboxCommandAcceptsAPIKeys(t *testing.T) {
	const key = "k-7f3a9c"
	url, stderr, _ := startSandboxCommand(t, nil, "--addr", "127.0.0.1:0", "--api-key", key, "--api-key", "second-key")
	if strings.Contains(stderr.String(), key) {
		t.Errorf("API key printed:\n%s", stderr.String())
	}
	call := func(auth string) (int, string) {
		req, _ := http.NewRequest("POST", url+"/data/countQuery", strings.NewReader(`{"query":{"typeName":"Task"}}`))
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	for _, auth := range []string{"ApiKey " + key, "ApiKey second-key"} {
		if code, body := call(auth); code != 200 || !strings.Contains(body, `"count":`) {
			t.Errorf("%s: %d %s", auth, code, body)
		}
	}
	if code, body := call("ApiKey wrong"); code != 500 || !strings.Contains(body, "Unauthorized") {
		t.Errorf("wrong key: %d %s", code, body)
	}
}

func TestSandboxCommandRefusesAnEmptyAPIKey(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut}
	if code := run(e, []string{"sandbox", "--addr", "127.0.0.1:0", "--api-key", ""}); code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
}

func TestSandboxCommandBaseURL(t *testing.T) {
	const base = "https://czql.example.test/v2.0/services"
	url, _, _ := startSandboxCommand(t, nil, "--addr", "127.0.0.1:0", "--base-url", base+"/")
	resp, err := http.Post(url+"/authentication/getServerDefinition", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), `"serverLocation":"`+base+`"`) {
		t.Errorf("getServerDefinition with --base-url %s: %s", base, body)
	}
	var out, errOut bytes.Buffer
	e := &env{ctx: context.Background(), stdout: &out, stderr: &errOut}
	if code := run(e, []string{"sandbox", "--addr", "127.0.0.1:0", "--base-url", "ftp:/x"}); code != ExitUsage || !strings.Contains(errOut.String(), "--base-url") {
		t.Errorf("--base-url ftp:/x: exit %d: %s", code, errOut.String())
	}
}
