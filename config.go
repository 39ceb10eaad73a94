package czql

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/czql/czql/diag"
)

// ConfigFile is the name of a project configuration file, which the
// command-line tools look for in an input file's directory and its
// parents ([FindConfig]).
const ConfigFile = ".czql.yaml"

// maxConfigSize bounds the size of a configuration file.
const maxConfigSize = 1 << 20

// Config is a project configuration, a .czql.yaml file:
//
//	metadata: org.json          # describeMetadata or a cache file, relative to this file
//	rules:
//	  no-limit: off             # off | info | warning | error
//	  unverified-function: error
//	fail-on: warning            # the least severity that fails a lint (default error)
type Config struct {
	// Path is the file the configuration was read from.
	Path string
	// Metadata is the metadata file, made absolute (relative paths are
	// relative to the configuration file); "" when none is named.
	Metadata string
	// Rules maps a diagnostic code to the severity its diagnostics get;
	// Off removes them.
	Rules map[string]diag.Severity
	// FailOn is the least severity that makes a lint fail: diag.Error by
	// default, diag.Warning or diag.Info when the file says so.
	FailOn diag.Severity
}

// Off is the severity of a rule that is turned off: its diagnostics are
// dropped.
const Off diag.Severity = diag.Invalid

// configFile is the YAML shape of a configuration file.
type configFile struct {
	Metadata string            `yaml:"metadata"`
	Rules    map[string]string `yaml:"rules"`
	FailOn   string            `yaml:"fail-on"`
}

// LoadConfig reads a .czql.yaml file. Unknown keys, unknown rule codes and
// unknown severities are errors that name the file and the line.
func LoadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxConfigSize)
	}
	return parseConfig(path, data)
}

// parseConfig reads the text of a configuration file named path.
func parseConfig(path string, data []byte) (*Config, error) {
	var raw configFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	cfg := &Config{Path: path, FailOn: diag.Error, Rules: map[string]diag.Severity{}}
	if raw.Metadata != "" {
		cfg.Metadata = raw.Metadata
		if !filepath.IsAbs(cfg.Metadata) {
			cfg.Metadata = filepath.Join(filepath.Dir(path), cfg.Metadata)
		}
	}
	codes := ruleCodes()
	for code, sev := range raw.Rules {
		if !slices.Contains(codes, code) {
			msg := fmt.Sprintf("%s: unknown rule %q in rules", path, code)
			if s := diag.Suggest(code, codes); len(s) > 0 {
				msg += "; " + diag.DidYouMean(code, s[:1])
			}
			return nil, errors.New(msg + " (czql lint --list-rules lists them)")
		}
		v, err := severity(sev, true)
		if err != nil {
			return nil, fmt.Errorf("%s: rules: %s: %v", path, code, err)
		}
		cfg.Rules[code] = v
	}
	if raw.FailOn != "" {
		v, err := severity(raw.FailOn, false)
		if err != nil {
			return nil, fmt.Errorf("%s: fail-on: %v", path, err)
		}
		cfg.FailOn = v
	}
	return cfg, nil
}

// ruleCodes returns the code of every rule.
func ruleCodes() []string {
	var codes []string
	for _, r := range Rules() {
		codes = append(codes, r.Code)
	}
	return codes
}

// severity reads a severity written in a configuration file.
func severity(s string, offOK bool) (diag.Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return diag.Error, nil
	case "warning":
		return diag.Warning, nil
	case "info":
		return diag.Info, nil
	case "off":
		if offOK {
			return Off, nil
		}
	}
	if offOK {
		return 0, fmt.Errorf("%q is not off, info, warning or error", s)
	}
	return 0, fmt.Errorf("%q is not info, warning or error", s)
}

// FindConfig returns the .czql.yaml file in dir or the nearest of its
// parents, or "" when there is none. dir is made absolute first.
func FindConfig(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, ConfigFile)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Apply returns diags with the configuration's rule severities: a rule
// turned off is dropped, another gets its configured severity. A nil
// configuration changes nothing.
func (c *Config) Apply(diags diag.List) diag.List {
	if c == nil || len(c.Rules) == 0 {
		return diags
	}
	out := diags[:0:0]
	for _, d := range diags {
		if sev, ok := c.Rules[d.Code]; ok {
			if sev == Off {
				continue
			}
			d.Severity = sev
		}
		out = append(out, d)
	}
	return out
}

// Fails reports whether diags hold a diagnostic at or above the
// configuration's fail-on severity (diag.Error for a nil configuration).
func (c *Config) Fails(diags diag.List) bool {
	least := diag.Error
	if c != nil && c.FailOn != 0 {
		least = c.FailOn
	}
	for _, d := range diags {
		if d.Severity >= least {
			return true
		}
	}
	return false
}
