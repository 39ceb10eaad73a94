package sandbox

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/czql/czql/metadata"
)

// sizes are the row counts of a generated organisation.
type sizes struct {
	users, customers, projects, tasksPerProject, milestonesPerProject, cases int
}

// demoSizes is the demo organisation.
var demoSizes = sizes{users: 100, customers: 40, projects: 300, tasksPerProject: 15, milestonesPerProject: 3, cases: 200}

// gen generates rows with a fixed seed.
type gen struct {
	md  *metadata.Metadata
	rng *rand.Rand
	d   *Dataset
	n   sizes
}

var (
	firstNames = []string{"Sam", "Ana", "Noa", "Lior", "Maya", "Omer", "Dana", "Eli", "Tal", "Yael", "Ben", "Ruth", "Adam", "Mia", "Leo", "Zoe", "Ivan", "Nina", "Raj", "Kim"}
	lastNames  = []string{"Cohen", "Levi", "Smith", "Garcia", "Brown", "Martin", "Rossi", "Muller", "Kaplan", "Novak"}
	adjectives = []string{"Apollo", "Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Ion", "Juniper", "Keystone"}
	nouns      = []string{"Migration", "Rollout", "Upgrade", "Launch", "Integration", "Redesign", "Audit", "Platform", "Portal", "Analytics"}
	taskVerbs  = []string{"Design", "Build", "Test", "Review", "Deploy", "Document", "Plan", "Validate", "Configure", "Train"}
	taskThings = []string{"API", "schema", "UI", "reports", "billing", "data load", "security", "workflow", "dashboards", "release"}
	caseThings = []string{"Login fails", "Slow report", "Wrong totals", "Missing field", "Timeout on save", "Vendor delay", "Budget overrun", "Scope creep"}
)

var demoEpoch = time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)

func generateDemo(md *metadata.Metadata, n sizes) *Dataset {
	g := &gen{md: md, rng: rand.New(rand.NewPCG(20240101, 42)), d: NewDataset(), n: n}
	g.users()
	g.customers()
	for p := 1; p <= n.projects; p++ {
		g.project(p)
	}
	for c := 1; c <= n.cases; c++ {
		g.cases(c)
	}
	g.organisation()
	return g.d
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// pickup returns a random pick-list value id of entity typeName, or of
// the given values when set.
func (g *gen) pickup(typeName string, values ...string) string {
	if len(values) == 0 {
		values = g.md.Entity(typeName).PickupValues()
	}
	return "/" + typeName + "/" + g.pick(values)
}

func (g *gen) user() string { return fmt.Sprintf("/User/u%03d", 1+g.rng.IntN(g.n.users)) }

// day is the date-time d days after the epoch, in the API's form
// ("2014-10-13T08:00:00.0000000").
func day(d int) string { return demoEpoch.AddDate(0, 0, d).Format("2006-01-02T15:04:05.0000000") }

func measure(unit string, v float64) map[string]any {
	return map[string]any{"unit": unit, "value": json.Number(fmt.Sprint(v))}
}

func money(v int) map[string]any {
	return map[string]any{"currency": "USD", "value": json.Number(fmt.Sprint(v))}
}

func num(v any) json.Number { return json.Number(fmt.Sprint(v)) }

func (g *gen) users() {
	for i := 1; i <= g.n.users; i++ {
		first, last := firstNames[(i-1)%len(firstNames)], lastNames[(i-1)/len(firstNames)%len(lastNames)]
		state := "Active"
		if i%17 == 0 {
			state = "Suspended"
		}
		row := Row{"id": fmt.Sprintf("/User/u%03d", i), "Name": first + " " + last, "DisplayName": first + " " + last,
			"FirstName": first, "LastName": last, "UserName": fmt.Sprintf("%s.%s%d", first, last, i),
			"Email": fmt.Sprintf("%s.%s%d@example.com", first, last, i), "State": "/State/" + state,
			"Active": state == "Active", "JobTitle": g.pickup("JobTitle"), "Country": g.pickup("Country"),
			"CostRegularRate": money(50 + g.rng.IntN(100)), "AvailabilityHoursPerDay": num(8), "CreatedOn": day(-365 + i)}
		if i > 10 {
			row["DirectManager"] = fmt.Sprintf("/User/u%03d", 1+(i%10))
		}
		g.d.Add("User", row)
	}
}

func (g *gen) customers() {
	for i := 1; i <= g.n.customers; i++ {
		g.d.Add("Customer", Row{"id": fmt.Sprintf("/Customer/c%03d", i), "Name": fmt.Sprintf("%s %s Ltd", g.pick(adjectives), g.pick(lastNames)),
			"Country": g.pickup("Country"), "IndustryType": g.pickup("IndustryType"), "AccountManager": g.user(),
			"C_AnnualContractValue": money(10000 * (1 + g.rng.IntN(50)))})
	}
}

var workStates = []string{"Draft", "Active", "Active", "Active", "Completed", "Completed", "On Hold", "Cancelled"}

func (g *gen) project(p int) {
	id := fmt.Sprintf("/Project/p%03d", p)
	start := g.rng.IntN(600) - 200
	state := g.pick(workStates)
	g.d.Add("Project", Row{"id": id, "Name": fmt.Sprintf("%s %s %d", g.pick(adjectives), g.pick(nouns), p),
		"State": "/State/" + state, "TrackStatus": g.pickup("TrackStatus"), "Importance": g.pickup("Importance"),
		"Manager": g.user(), "ProjectManager": g.user(), "StartDate": day(start), "DueDate": day(start + 60 + g.rng.IntN(300)),
		"PercentCompleted": num(g.rng.IntN(101)), "Priority": num(1 + g.rng.IntN(5)), "PlannedBudget": money(1000 * (20 + g.rng.IntN(500))),
		"ProjectType": g.pickup("ProjectType"), "Project": id, "Billable": g.rng.IntN(2) == 0, "CreatedBy": g.user(), "CreatedOn": day(start - 30)})
	g.d.Add("CustomerLink", Row{"id": fmt.Sprintf("/CustomerLink/cl%03d", p), "Project": id, "Customer": fmt.Sprintf("/Customer/c%03d", 1+g.rng.IntN(g.n.customers))})
	for m := 1; m <= g.n.milestonesPerProject; m++ {
		g.d.Add("Milestone", Row{"id": fmt.Sprintf("/Milestone/p%03dm%d", p, m), "Name": fmt.Sprintf("Gate %d", m),
			"State": "/State/" + g.pick(workStates), "Project": id, "Parent": id, "DueDate": day(start + 30*m), "Manager": g.user(),
			"MilestoneType": g.pickup("MilestoneType"), "KeyMilestone": m == g.n.milestonesPerProject})
	}
	for t := 1; t <= g.n.tasksPerProject; t++ {
		g.task(p, t, id, start)
	}
}

func (g *gen) task(p, t int, project string, start int) {
	id := fmt.Sprintf("/Task/p%03dt%02d", p, t)
	s := start + g.rng.IntN(120)
	days := 1 + g.rng.IntN(20)
	row := Row{"id": id, "Name": fmt.Sprintf("%s %s", g.pick(taskVerbs), g.pick(taskThings)), "State": "/State/" + g.pick(workStates),
		"TrackStatus": g.pickup("TrackStatus"), "Importance": g.pickup("Importance"), "Manager": g.user(), "Project": project, "Parent": project,
		"StartDate": day(s), "DueDate": day(s + days), "Duration": measure("Days", float64(days)), "Work": measure("Hours", float64(8*days)),
		"PercentCompleted": num(g.rng.IntN(101)), "Priority": num(1 + g.rng.IntN(5)), "TaskType": g.pickup("TaskType"),
		"Milestone": fmt.Sprintf("/Milestone/p%03dm%d", p, 1+g.rng.IntN(g.n.milestonesPerProject)), "CreatedBy": g.user(), "CreatedOn": day(start - 10)}
	if g.rng.IntN(10) == 0 {
		delete(row, "DueDate")
	}
	g.d.Add("Task", row)
	linkState := "/State/Active"
	if row["State"] == "/State/Completed" {
		linkState = "/State/Completed"
	}
	for r := 1; r <= 2; r++ {
		res := g.user()
		g.d.Add("RegularResourceLink", Row{"id": fmt.Sprintf("/RegularResourceLink/%s-r%d", id[6:], r), "WorkItem": id, "Resource": res, "Units": num(50 * r), "State": linkState})
		hours := 1 + g.rng.IntN(8)
		g.d.Add("Timesheet", Row{"id": fmt.Sprintf("/Timesheet/%s-ts%d", id[6:], r), "Name": "Time on " + id[6:], "ReportedBy": res,
			"ReportedDate": demoEpoch.AddDate(0, 0, s+r).Format("2006-01-02"), "WorkItem": id, "Project": project,
			"Duration": measure("Hours", float64(hours)), "C_DurationHours": num(hours), "State": g.pickup("State", "Unsubmitted", "Submitted", "Approved")})
	}
}

var caseStates = []string{"Draft", "Submitted", "Opened", "Opened", "Resolved", "Closed", "Rejected", "Deferred", "Reopened"}

func (g *gen) cases(c int) {
	for _, typ := range []string{"Issue", "Bug", "Risk"} {
		row := Row{"id": fmt.Sprintf("/%s/%s%03d", typ, typ[:1], c), "Title": fmt.Sprintf("%s #%d", g.pick(caseThings), c),
			"State": "/State/" + g.pick(caseStates), "Severity": g.pickup("Severity"), "Priority": g.pickup("Priority"),
			"Owner": g.user(), "AssignedTo": g.user(), "SubmittedBy": g.user(), "DueDate": day(g.rng.IntN(500) - 100),
			"PlannedFor": fmt.Sprintf("/Project/p%03d", 1+g.rng.IntN(g.n.projects))}
		if typ == "Risk" {
			row["PercentProbability"] = num(10 * (1 + g.rng.IntN(9)))
			row["Impact"] = num(1 + g.rng.IntN(5))
		}
		g.d.Add(typ, row)
	}
}
