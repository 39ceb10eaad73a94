package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"github.com/czql/czql"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
)

// The constants of the SARIF report.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifInfoURI = "https://github.com/czql/czql"
	srcRoot      = "%SRCROOT%"
	// fingerprintKey names czql's partial fingerprint; the version part
	// changes if the way it is computed ever does.
	fingerprintKey = "czqlFingerprint/v1"
)

// The subset of SARIF 2.1.0 that lint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string        `json:"id"`
		ShortDescription     sarifMessage  `json:"shortDescription"`
		FullDescription      sarifMessage  `json:"fullDescription"`
		DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifMessage `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// writeSARIF writes the SARIF log of every input to standard output.
func (l *linter) writeSARIF() int {
	out, err := frontend.MarshalJSON(buildSARIF(l.results))
	if err != nil {
		l.e.errorf("encoding SARIF: %v", err)
		return ExitUsage
	}
	return writeOut(l.e, out)
}

// buildSARIF returns the SARIF log of results: one run whose driver lists
// every rule (and any other code found), columns in UTF-16 code units.
func buildSARIF(results []*lintResult) *sarifLog {
	rules := czql.Rules()
	index := map[string]int{}
	for i, r := range rules {
		index[r.Code] = i
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "czql", InformationURI: sarifInfoURI, Version: moduleVersion()}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	for _, r := range results {
		art := artifactOf(r.in)
		seen := map[string]int{}
		for _, d := range r.diags {
			i, ok := index[d.Code]
			if !ok {
				i = len(rules)
				index[d.Code] = i
				rules = append(rules, czql.Rule{Code: d.Code, Doc: "Diagnostics with the code " + strconv.Quote(d.Code) + ".", Severity: d.Severity})
			}
			run.Results = append(run.Results, sarifResultOf(r, art, d, i, seen))
		}
	}
	for _, r := range rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: r.Code, ShortDescription: sarifMessage{r.Short()}, FullDescription: sarifMessage{r.Doc},
			DefaultConfiguration: sarifRuleConf{sarifLevel(r.Severity)},
		})
	}
	return &sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// sarifResultOf converts d, found in r, for the rule at ruleIndex. seen
// counts the earlier results per fingerprint input, to tell apart equal
// findings on equal lines.
func sarifResultOf(r *lintResult, art sarifArtifact, d diag.Diagnostic, ruleIndex int, seen map[string]int) sarifResult {
	res := sarifResult{
		RuleID: d.Code, RuleIndex: ruleIndex, Level: sarifLevel(d.Severity),
		Message:   sarifMessage{sarifText(d)},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{art, sarifRegionOf(r.src, d.Range)}}},
	}
	for i, rel := range d.Related {
		id := i + 1
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: &id, PhysicalLocation: sarifPhysical{art, sarifRegionOf(r.src, rel.Range)}, Message: &sarifMessage{rel.Message},
		})
	}
	key := d.Code + "\x00" + art.URI + "\x00" + strings.TrimSpace(r.src.Line(validRange(r.src, d.Range).Start.Line))
	sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
	seen[key]++
	res.PartialFingerprints = map[string]string{fingerprintKey: hex.EncodeToString(sum[:])}
	for _, s := range d.Suggestions {
		if len(s.Edits) > 0 {
			res.Fixes = append(res.Fixes, sarifFixOf(r.src, art, s))
		}
	}
	return res
}

// sarifText is the message of d, followed by its detail.
func sarifText(d diag.Diagnostic) string {
	if d.Detail == "" {
		return d.Message
	}
	return d.Message + "\n" + d.Detail
}

// sarifFixOf converts a suggestion with edits.
func sarifFixOf(src *diag.Source, art sarifArtifact, s diag.Suggestion) sarifFix {
	ch := sarifArtifactChange{ArtifactLocation: art}
	for _, e := range s.Edits {
		rep := sarifReplacement{DeletedRegion: sarifRegionOf(src, e.Range)}
		if e.NewText != "" {
			rep.InsertedContent = &sarifMessage{e.NewText}
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	return sarifFix{Description: sarifMessage{s.Message}, ArtifactChanges: []sarifArtifactChange{ch}}
}

// sarifRegionOf converts r; columns count UTF-16 code units and the end
// column is exclusive, as SARIF's are.
func sarifRegionOf(src *diag.Source, r diag.Range) sarifRegion {
	r = validRange(src, r)
	return sarifRegion{
		StartLine: r.Start.Line, StartColumn: utf16Col(src, r.Start),
		EndLine: r.End.Line, EndColumn: utf16Col(src, r.End),
	}
}

// artifactOf returns where in is, for SARIF: a path relative to the
// source root when in is a file under the working directory, a file URI
// otherwise, and its display name for standard input and -q.
func artifactOf(in *input) sarifArtifact {
	if rel, ok := relativePath(in); ok {
		return sarifArtifact{URI: escapeURIPath(rel), URIBaseID: srcRoot}
	}
	if abs, ok := absolutePath(in); ok {
		return sarifArtifact{URI: "file://" + escapeURIPath(abs)}
	}
	return sarifArtifact{URI: escapeURIPath(in.name)}
}

// moduleVersion returns the version of the czql module this binary was
// built from, or "" for a development build.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return ""
}
