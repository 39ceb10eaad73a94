package sandbox

import "fmt"

// The rows generated after the PMO data, with the generator's state at
// that point, so that adding them changed none of the rows before.

// demoAPIUser is the User row of the demo login, whose id login answers
// as userId.
func (g *gen) demoAPIUser() {
	g.d.Add("User", Row{"id": "/User/" + nameGUID(DemoUser), "Name": "Demo API User", "DisplayName": "Demo API User",
		"FirstName": "Demo", "LastName": "API User", "UserName": DemoUser, "Email": "demo@example.com",
		"State": "/State/Active", "Active": true, "Admin": true, "CreatedOn": day(-400)})
}

// organisation adds the demo login's user, the Organization row, topics
// linked to work items of every kind and to cases, discussion groups and
// the related requests of the projects that cases are planned for.
func (g *gen) organisation() {
	g.demoAPIUser()
	g.d.Add("Organization", Row{"id": "/Organization/" + OrganizationID, "Name": "Demo PMO", "Country": g.pickup("Country"),
		"IndustryType": g.pickup("IndustryType"), "CurrencyType": "/CurrencyType/USD", "ResourceRateperHour": num(75),
		"CreatedOn": day(-400)})
	g.topics()
	g.discussionGroups()
	g.relatedRequests()
}

var topicNames = []string{"Security", "Performance", "Data migration", "Customer onboarding", "Compliance", "Cloud costs", "Release train", "Hiring"}

// topics adds the topics and their links: each topic is linked to a few
// projects, tasks, milestones and cases.
func (g *gen) topics() {
	for i, name := range topicNames {
		id := fmt.Sprintf("/Topic/tp%02d", i+1)
		g.d.Add("Topic", Row{"id": id, "Name": name, "Description": "Everything about " + name, "Owner": g.user(),
			"Public": i%3 != 2, "CreatedBy": g.user(), "CreatedOn": day(-300 + 7*i)})
		for k := 1; k <= 6; k++ {
			p := 1 + g.rng.IntN(g.n.projects)
			targets := []string{
				fmt.Sprintf("/Project/p%03d", p),
				fmt.Sprintf("/Task/p%03dt%02d", p, 1+g.rng.IntN(g.n.tasksPerProject)),
				fmt.Sprintf("/Milestone/p%03dm%d", p, 1+g.rng.IntN(g.n.milestonesPerProject)),
				fmt.Sprintf("/%s/%s%03d", []string{"Issue", "Bug", "Risk"}[k%3], []string{"I", "B", "R"}[k%3], 1+g.rng.IntN(g.n.cases)),
			}
			g.d.Add("TopicLink", Row{"id": fmt.Sprintf("/TopicLink/tp%02d-%d", i+1, k), "Topic": id, "Entity": targets[k%len(targets)]})
		}
	}
}

// discussionGroups adds a few discussion groups.
func (g *gen) discussionGroups() {
	for i, name := range []string{"PMO", "Engineering", "Support", "Finance", "Announcements"} {
		g.d.Add("DiscussionGroup", Row{"id": fmt.Sprintf("/DiscussionGroup/dg%02d", i+1), "Name": name,
			"Description": name + " discussions", "Owner": g.user(), "Public": i != 3, "CreatedOn": day(-200 + 10*i)})
	}
}

// relatedRequests links each issue to the project it is planned for, so
// that a project's RelatedRequests holds its issues.
func (g *gen) relatedRequests() {
	for _, row := range g.d.Rows("Issue") {
		g.d.Add("RelatedWork", Row{"id": "/RelatedWork/rw-" + row.ID()[len("/Issue/"):], "Issue": row.ID(), "WorkItem": row["PlannedFor"]})
	}
}
