package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// Rule is one check of a resolved query, in the manner of a go/analysis
// Analyzer: a value with a stable name, a doc string and a Run function.
type Rule struct {
	// Name is the stable kebab-case diagnostic code, such as
	// "unknown-field".
	Name string
	// Doc explains what the rule reports and why, in full sentences.
	Doc string
	// Severity is the default severity of the rule's diagnostics.
	Severity diag.Severity
	// Run checks Pass.Query and reports through Pass.Report.
	Run func(*Pass)
}

// Pass is what a [Rule] sees: one top-level query with its sub-queries,
// the metadata (possibly nil), and the resolver's [Info].
type Pass struct {
	Query *ast.Query
	Meta  *metadata.Metadata
	Info  *Info

	rule  *Rule
	diags *diag.List
}

// Report records d. An empty Code becomes the rule's name and an unset
// Severity the rule's default severity.
func (p *Pass) Report(d diag.Diagnostic) {
	if d.Code == "" && p.rule != nil {
		d.Code = p.rule.Name
	}
	if d.Severity == diag.Invalid && p.rule != nil {
		d.Severity = p.rule.Severity
	}
	*p.diags = append(*p.diags, d)
}

// Check resolves q against md and runs rules over it (all of
// [DefaultRules] when none are given). It returns the resolution side table
// and the diagnostics sorted by position. md may be nil: the rules that need
// metadata then report nothing. q may be nil or partial; Check never panics
// on a partial tree.
func Check(q *ast.Query, md *metadata.Metadata, rules ...*Rule) (*Info, diag.List) {
	if len(rules) == 0 {
		rules = DefaultRules()
	}
	info := resolve(q, md)
	var diags diag.List
	if q == nil {
		return info, nil
	}
	for _, r := range rules {
		if r == nil || r.Run == nil {
			continue
		}
		p := &Pass{Query: q, Meta: md, Info: info, rule: r, diags: &diags}
		r.Run(p)
	}
	diags.Sort()
	return info, diags
}

// CheckFile checks every query of f with [Check] and returns all the
// diagnostics in source order. A query that overlaps an error of syntax
// (the parser's diagnostics) is skipped, so that a statement with syntax
// errors gets no semantic noise on top of them.
func CheckFile(f *ast.File, md *metadata.Metadata, syntax diag.List, rules ...*Rule) diag.List {
	if f == nil {
		return nil
	}
	var out diag.List
	for i, q := range f.Queries {
		if q == nil || overlapsError(q.Rng.Start.Offset, nextStart(f.Queries, i), syntax) {
			continue
		}
		_, ds := Check(q, md, rules...)
		out = append(out, ds...)
	}
	out.Sort()
	return out
}

// nextStart returns the start offset of the query after qs[i], or -1 when
// it is the last: a statement owns the text up to the next one, since its
// range stops where the parser's partial tree does.
func nextStart(qs []*ast.Query, i int) int {
	for _, q := range qs[i+1:] {
		if q != nil && q.Rng.Start.IsValid() {
			return q.Rng.Start.Offset
		}
	}
	return -1
}

// overlapsError reports whether an error of syntax starts in [start, end)
// (end -1 meaning the end of the text), or has no position at all.
func overlapsError(start, end int, syntax diag.List) bool {
	for _, d := range syntax {
		if d.Severity != diag.Error {
			continue
		}
		off := d.Range.Start.Offset
		if !d.Range.Start.IsValid() || (off >= start && (end < 0 || off < end)) {
			return true
		}
	}
	return false
}

// DefaultRules returns every rule of the package, in a fresh slice the
// caller may change.
func DefaultRules() []*Rule {
	return []*Rule{
		UnknownEntity, UnknownField, BadPath, UnknownRelation,
		TypeMismatch, BadReference, BadValue, BadDate,
		NotFilterable, NotSortable, Grouping, UnverifiedFunction,
		InSubquery, LimitRange, LimitZero, DuplicateField, NameCase, NoLimit,
	}
}
