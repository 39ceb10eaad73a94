#!/usr/bin/env python3
"""Generator for testdata/metadata/clarizen.json (synthetic describeMetadata fixture).

Run from anywhere:  python3 testdata/metadata/gen.py
It rewrites clarizen.json next to this script and then validates it (check()).
The output is deterministic: entity order and field order are fixed below.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "clarizen.json")
# The sandbox embeds the same organisation (go:embed cannot reach testdata/).
SANDBOX_COPY = os.path.join(HERE, "..", "..", "sandbox", "demo", "metadata.json")

FIELD_KEYS = ["referencedEntities", "name", "type", "presentationType", "label",
              "defaultValue", "system", "calculated", "nullable", "createOnly",
              "updateable", "internal", "custom", "visible", "decimalPlaces",
              "filterable", "sortable", "maxLength", "flags", "restrictedFieldSetName", "_type"]


def label_of(name):
    n = name[2:] if name.startswith("C_") else name
    out = ""
    for i, ch in enumerate(n):
        if i and ch.isupper() and (not n[i - 1].isupper() or (i + 1 < len(n) and n[i + 1].islower())):
            out += " "
        out += ch
    return out


def F(name, typ, pt, label=None, refs=None, default=None, maxlen=None, dp=0, **kw):
    d = {}
    if typ == "Entity":
        d["referencedEntities"] = list(refs or [])
    d["name"] = name
    d["type"] = typ
    d["presentationType"] = pt
    d["label"] = label or label_of(name)
    if default is not None:
        d["defaultValue"] = default
    d["system"] = kw.pop("system", False)
    d["calculated"] = kw.pop("calculated", False)
    d["nullable"] = kw.pop("nullable", True)
    d["createOnly"] = kw.pop("createOnly", False)
    d["updateable"] = kw.pop("updateable", not (d["calculated"] or d["system"]))
    d["internal"] = kw.pop("internal", False)
    d["custom"] = kw.pop("custom", name.startswith("C_"))
    d["visible"] = kw.pop("visible", not d["internal"])
    d["decimalPlaces"] = dp
    d["filterable"] = kw.pop("filterable", True)
    d["sortable"] = kw.pop("sortable", True)
    if typ == "String":
        d["maxLength"] = maxlen if maxlen is not None else 256
    if "flags" in kw:  # rare keys (LIB S15 only)
        d["flags"] = kw.pop("flags")
    if "restricted" in kw:
        d["restrictedFieldSetName"] = kw.pop("restricted")
    d["_type"] = "EntityFieldDescription" if typ == "Entity" else "FieldDescription"
    if kw:
        raise ValueError("unknown flags %r on %s" % (kw, name))
    return d


# ---- field helpers -------------------------------------------------------
def Text(name, maxlen=256, **kw):
    return F(name, "String", "Text", maxlen=maxlen, **kw)

def TextArea(name, maxlen=-1, **kw):
    kw.setdefault("sortable", False)
    return F(name, "String", "TextArea", maxlen=maxlen, **kw)

def Rich(name, **kw):
    kw.setdefault("filterable", False)
    kw.setdefault("sortable", False)
    return F(name, "String", "RichText", maxlen=-1, **kw)

def Url(name, **kw):
    return F(name, "String", "Url", maxlen=1024, **kw)

def Int(name, pt="Numeric", **kw):
    return F(name, "Integer", pt, **kw)

def Long(name, **kw):
    return F(name, "Long", "Numeric", **kw)

def Dbl(name, dp=2, **kw):
    return F(name, "Double", "Numeric", dp=dp, **kw)

def Pct(name, **kw):
    return F(name, "Double", "Percent", dp=2, **kw)

def Bool(name, default=None, **kw):
    return F(name, "Boolean", "Checkbox", default=default, **kw)

def Date(name, **kw):
    return F(name, "Date", "Date", **kw)

def DT(name, **kw):
    return F(name, "DateTime", "Date", **kw)

def Ref(name, *refs, **kw):
    return F(name, "Entity", "ReferenceToObject", refs=list(refs), **kw)

def PL(name, entity=None, **kw):
    return F(name, "Entity", "PickList", refs=[entity or name], **kw)

def Dur(name, **kw):
    return F(name, "Duration", "Duration", **kw)

def Money(name, **kw):
    return F(name, "Money", "Currency", dp=2, **kw)

def MPL(name, **kw):
    return F(name, "MultiPickList", "MultiPickList", **kw)

def Bin(name, **kw):
    kw.setdefault("filterable", False)
    kw.setdefault("sortable", False)
    return F(name, "Binary", "Other", **kw)


HOURS0 = {"unit": "Hours", "value": 0.0}
DAYS1 = {"unit": "Days", "value": 1.0}
USD0 = {"currency": "USD", "value": 0.0}


def sysid():
    return Text("SYSID", 40, label="ID", calculated=True, updateable=False)

def extid():
    return Text("ExternalID", 40, label="External ID")

def etype():
    return Ref("EntityType", label="Entity Type", system=True, updateable=False, filterable=False)

def audit():
    return [
        Ref("CreatedBy", "User", label="Created By", system=True),
        DT("CreatedOn", label="Created On", system=True),
        Ref("LastUpdatedBy", "User", label="Last Updated By", system=True),
        DT("LastUpdatedOn", label="Last Updated On", system=True),
    ]

def state(default="Draft", **kw):
    return PL("State", default={"id": "/State/%s" % default.replace(" ", ""), "Name": default},
              system=True, nullable=False, updateable=False, **kw)


def R(name, link, related, source, label=None, role=None, ro=False):
    lab = label or label_of(name)
    return {"name": name, "label": lab, "roleLabel": role or (lab[:-1] if lab.endswith("s") else lab),
            "readOnly": ro, "linkTypeName": link, "relatedTypeName": related, "sourceFieldName": source}


def E(typeName, fields, relations=(), parent=None, label=None, plural=None, display="Name",
      states=(), pickups=None):
    lab = label or label_of(typeName)
    e = {"typeName": typeName, "label": lab,
         "labelPlural": plural or (lab[:-1] + "ies" if lab.endswith("y") and lab[-2] not in "aeiou" else lab + "s"),
         "parentEntity": parent, "displayField": display, "validStates": list(states),
         "fields": list(fields), "relations": list(relations)}
    if pickups is not None:
        e["pickups"] = [{"value": v, "displayValue": dv, "description": desc} for v, dv, desc in pickups]
    return e


WI_STATES = ["Draft", "Active", "On Hold", "Completed", "Cancelled"]
CASE_STATES = ["Draft", "Submitted", "Opened", "Resolved", "Closed", "Rejected", "Deferred", "Reopened"]
USER_STATES = ["Active", "Suspended", "Deleted"]

# ---- WorkItem tree -------------------------------------------------------
WORKITEM_FIELDS = [
    Text("Name", nullable=False),
    sysid(),
    extid(),
    etype(),
    TextArea("Description"),
    state(),
    PL("Phase"),
    DT("StartDate", label="Start Date"),
    DT("DueDate", label="Due Date"),
    DT("ActualStartDate", label="Actual Start Date", calculated=True),
    DT("ActualEndDate", label="Actual End Date", calculated=True),
    Dur("Duration", default=DAYS1),
    Dur("Work", default=HOURS0),
    Dur("ActualEffort", label="Actual Effort", default=HOURS0),
    Dur("EstimatedEffort", label="Estimated Effort"),
    Dur("RemainingEffort", label="Remaining Effort", calculated=True),
    PL("TrackStatus", label="Track Status", calculated=True),
    Pct("ExpectedProgress", label="Expected Progress", calculated=True),
    Pct("PercentCompleted", label="% Completed"),
    PL("Importance"),
    Int("Priority", default=0),
    Ref("Manager", "User"),
    Money("ActualCost", label="Actual Cost", calculated=True),
    Bool("ActualCostManuallySet", label="Actual Cost Manually Set", default=False),
    Money("PlannedBudget", label="Planned Budget", default=USD0),
    Bool("PlannedBudgetManuallySet", label="Planned Budget Manually Set", default=False),
    Money("PlannedRevenue", label="Planned Revenue"),
    Money("ActualRevenue", label="Actual Revenue", calculated=True),
    Bool("Billable", default=True),
    Bool("OnCriticalPath", label="On Critical Path", system=True, calculated=True),
    Int("ChildrenCount", label="Children Count", calculated=True),
    Int("ResourcesCount", label="Resources Count", calculated=True),
    Int("AttachmentsCount", label="Attachments Count", calculated=True),
    Int("PostsCount", label="Posts Count", calculated=True),
    Int("NotesCount", label="Notes Count", calculated=True),
    Ref("Parent", "WorkItem", system=True, updateable=False),
    Ref("Project", "Project", system=True, calculated=True),
    Text("InternalStatus", 40, label="Internal Status", calculated=True),
    Text("WorkPolicy", 40, label="Work Policy"),
    Url("ExternalUrl", label="External URL"),
    Date("BaselineStartDate", label="Baseline Start Date", system=True),
    Date("BaselineDueDate", label="Baseline Due Date", system=True),
    Long("SequenceNumber", label="Sequence Number", system=True),
    DT("LastUpdatedBySystemOn", label="Last Updated By System On", system=True, internal=True,
       filterable=False, sortable=False),
    Text("C_ExternalTicket", 64, label="External Ticket"),
] + audit()

WI_REL = [
    R("Resources", "RegularResourceLink", "User", "WorkItem"),
    R("Reviewers", "ReviewerLink", "User", "WorkItem"),
    R("Attachments", "WorkItemAttachmentLink", "Document", "Entity"),
    R("Predecessors", "DependencyLink", "WorkItem", "WorkItem"),
    R("Successors", "DependencyLink", "WorkItem", "DependsOn"),
    R("SubItems", "WorkItemHierarchyLink", "WorkItem", "Parent", label="Sub Items", role="Child"),
    R("ParentItems", "WorkItemHierarchyLink", "WorkItem", "Child", label="Parent Items", role="Parent", ro=True),
    R("RelatedRequests", "RelatedWork", "Case", "WorkItem", label="Related Requests", role="Related Request"),
    R("Topics", "TopicLink", "Topic", "Entity", ro=True),
    R("ReportedTime", "Timesheet", "User", "WorkItem", label="Reported Time", role="Reporter", ro=True),
]

TASK_FIELDS = WORKITEM_FIELDS + [
    PL("TaskType", label="Task Type"),
    Ref("Milestone", "Milestone"),
    Bool("Commited", label="Committed", default=False),
    PL("C_InvoiceStatus", label="Invoice Status"),
    PL("C_Discipline", label="Discipline"),
]
TASK_REL = WI_REL + [R("Timesheets", "Timesheet", "Timesheet", "WorkItem", ro=True)]

PROJECT_FIELDS = WORKITEM_FIELDS + [
    Ref("ProjectManager", "User", label="Project Manager"),
    Ref("ParentProject", "Project", label="Parent Project", system=True, calculated=True),
    PL("ProjectType", label="Project Type"),
    TextArea("ProjectTarget", 512, label="Project Target"),
    Ref("Program", "Program"),
    Ref("Sponsor", "User", "ContactPerson"),
    Long("DirtyFlag", label="Dirty Flag", system=True, internal=True),
    Text("C_BusinessSponsor", label="Business Sponsor"),
    PL("C_Discipline", label="Discipline"),
    MPL("C_Regions", label="Regions"),
    Int("C_RiskScore", label="Risk Score"),
]
PROJECT_REL = WI_REL + [
    R("Customers", "CustomerLink", "Customer", "Project"),
    R("Expenses", "Expense", "Expense", "Project", ro=True),
]

# Milestone: deliberately WITHOUT the repeated WorkItem fields (parentEntity fallback).
MILESTONE_FIELDS = [
    PL("MilestoneType", label="Milestone Type"),
    Bool("KeyMilestone", label="Key Milestone", default=False),
    Bool("C_GateApproved", label="Gate Approved", default=False),
]

PROGRAM_FIELDS = [
    Text("Name", nullable=False), sysid(), extid(), etype(), TextArea("Description"),
    state(), Ref("Manager", "User"), DT("StartDate", label="Start Date"), DT("DueDate", label="Due Date"),
    Pct("PercentCompleted", label="% Completed", calculated=True),
    PL("TrackStatus", label="Track Status", calculated=True),
    Money("PlannedBudget", label="Planned Budget"), Money("ActualCost", label="Actual Cost", calculated=True),
    Text("C_BusinessSponsor", label="Business Sponsor"),
] + audit()

# ---- People ----------------------------------------------------------------
USER_FIELDS = [
    Text("Name", nullable=False), sysid(), extid(), etype(),
    Text("DisplayName", label="Display Name", calculated=True),
    Text("UserName", label="User Name", nullable=False),
    Text("FirstName", label="First Name", nullable=False),
    Text("LastName", label="Last Name", nullable=False),
    Text("Email", nullable=False),
    Text("OfficePhone", label="Office Phone"),
    Text("OfficeFax", label="Office Fax"),
    Text("MobilePhone", label="Mobile Phone"),
    TextArea("BusinessAddress", 1024, label="Business Address"),
    PL("State", default={"id": "/State/Active", "Name": "Active"}, system=True, nullable=False, updateable=False),
    Bool("Active", calculated=True),
    Bool("Admin", default=False),
    Bool("SuperUser", label="Super User", default=False),
    Bool("Financial", default=False),
    Bool("ExternalUser", label="External User", default=False),
    Bool("AllowEmails", label="Allow Emails", default=True),
    DT("LastLogin", label="Last Login", system=True),
    Ref("DirectManager", "User", label="Direct Manager"),
    Ref("JobTitle", "JobTitle", label="Job Title"),
    PL("Country"),
    Text("TimeZone", 64, label="Time Zone"),
    Money("CostRegularRate", label="Cost Regular Rate", restricted="Financial"),
    Money("CostOvertimeRate", label="Cost Overtime Rate", flags=["Financial"], restricted="Financial"),
    Dbl("AvailabilityHoursPerDay", label="Availability Hours Per Day", default=8.0),
    Url("ProfileImageUrl", label="Profile Image URL", calculated=True),
    MPL("C_Skills", label="Skills"),
    PL("C_Discipline", label="Discipline"),
    Date("C_HireDate", label="Hire Date"),
] + audit()
USER_REL = [
    R("WorkItems", "RegularResourceLink", "WorkItem", "Resource", label="Work Items", role="Resource", ro=True),
    R("ReviewedItems", "ReviewerLink", "WorkItem", "Reviewer", label="Reviewed Items", role="Reviewer", ro=True),
    R("Groups", "GroupMembershipLink", "Group", "User"),
    R("Timesheets", "Timesheet", "Timesheet", "ReportedBy", ro=True),
    R("DirectReports", "User", "User", "DirectManager", label="Direct Reports", role="Direct Report", ro=True),
]

GROUP_FIELDS = [Text("Name", nullable=False), sysid(), etype(), TextArea("Description"),
                Ref("Owner", "User"), Bool("C_IsTeam", label="Is Team", default=False)] + audit()
GROUP_REL = [R("Members", "GroupMembershipLink", "User", "Group")]

ORG_FIELDS = [
    Text("Name", nullable=False, updateable=False), sysid(), etype(),
    PL("Country", updateable=False),
    Ref("CountryState", "CountryState", label="Country State", updateable=False),
    PL("IndustryType", label="Industry Type", updateable=False),
    PL("CurrencyType", label="Currency Type", updateable=False),
    PL("OrganizationLanguage", "NLSLanguage", label="Organization Language", updateable=False),
    Dbl("ResourceRateperHour", label="Resource Rate per Hour", updateable=False),
    Text("C_TrelloAPIKey", 128, label="Trello API Key"),
    Url("C_SlackWebhookUrl", label="Slack Webhook URL"),
] + audit()

CUSTOMER_FIELDS = [
    Text("Name", nullable=False), sysid(), extid(), etype(), TextArea("Description"),
    TextArea("BusinessAddress", 1024, label="Business Address"),
    TextArea("BillingAddress", 1024, label="Billing Address"),
    PL("Country"), PL("IndustryType", label="Industry Type"),
    Ref("AccountManager", "User", label="Account Manager"),
    Url("Website"),
    Money("C_AnnualContractValue", label="Annual Contract Value"),
    Text("C_CustomerTier", 32, label="Customer Tier"),
] + audit()
CUSTOMER_REL = [
    R("Projects", "CustomerLink", "Project", "Customer"),
    R("Cases", "IssueCustomerLink", "Case", "Customer"),
    R("Contacts", "ContactPerson", "ContactPerson", "Customer", ro=True),
]

CONTACT_FIELDS = [
    Text("Name", nullable=False, calculated=True), sysid(), extid(), etype(),
    Text("FirstName", label="First Name"), Text("LastName", label="Last Name", nullable=False),
    Text("Title", 128), Text("Email"), Text("OfficePhone", label="Office Phone"),
    Text("MobilePhone", label="Mobile Phone"), Text("FaxNumber", label="Fax Number"),
    Ref("Customer", "Customer", nullable=False), Bool("C_PrimaryContact", label="Primary Contact", default=False),
] + audit()

# ---- Cases ------------------------------------------------------------------
CASE_FIELDS = [
    Text("Title", nullable=False), sysid(), extid(), etype(),
    Rich("Description"),
    TextArea("PlainText", label="Plain Text", calculated=True),
    state(), PL("Severity"), PL("Priority"),
    Bool("Mandatory", default=False),
    Ref("Owner", "User"),
    DT("DueDate", label="Due Date"),
    Ref("AssignedTo", "User", "Group", label="Assigned To"),
    DT("AssignmentDate", label="Assignment Date", system=True),
    Ref("SubmittedBy", "User", label="Submitted By"), DT("SubmissionDate", label="Submission Date"),
    Ref("EvaluatedBy", "User", label="Evaluated By"), DT("EvaluationDate", label="Evaluation Date"),
    Ref("OpenedBy", "User", label="Opened By"), DT("OpeningDate", label="Opening Date"),
    Ref("ResolvedBy", "User", label="Resolved By"), DT("ResolvedDate", label="Resolved Date"),
    TextArea("ResolutionDetails", 2000, label="Resolution Details"),
    Ref("ClosedBy", "User", label="Closed By"), DT("ClosureDate", label="Closure Date"),
    Ref("RejectedBy", "User", label="Rejected By"), DT("RejectionDate", label="Rejection Date"),
    TextArea("RejectDetails", 2000, label="Reject Details"),
    Ref("ReopenedBy", "User", label="Reopened By"), DT("ReopeningDate", label="Reopening Date"),
    TextArea("ReopenReasons", 2000, label="Reopen Reasons"),
    Ref("DeferredBy", "User", label="Deferred By"), DT("DeferringDate", label="Deferring Date"),
    TextArea("DeferReasons", 2000, label="Defer Reasons"),
    TextArea("Comment", 2000),
    Ref("PlannedFor", "WorkItem", label="Planned For"),
    Bool("ReportedbyCustomer", label="Reported by Customer", default=False),
    Text("Category"), Text("DuplicateTo", label="Duplicate To"),
    PL("Phase"),
    Int("AttachmentsCount", label="Attachments Count", calculated=True),
    PL("C_Discipline", label="Discipline"),
    Text("C_BusinessSponsor", label="Business Sponsor"),
] + audit()
CASE_REL = [
    R("RelatedWork", "RelatedWork", "WorkItem", "Issue", label="Related Work", role="Related Work Item"),
    R("Attachments", "WorkItemAttachmentLink", "Document", "Entity"),
    R("TeamMembers", "IssueTeamMembers", "User", "Issue", label="Team Members", role="Team Member"),
    R("Customers", "IssueCustomerLink", "Customer", "Issue"),
    R("Topics", "TopicLink", "Topic", "Entity", ro=True),
]
BUG_FIELDS = CASE_FIELDS + [
    Bool("Regression", default=False),
    TextArea("ImpactArea", 2000, label="Impact Area"),
    Text("FoundInBuild", label="Found In Build"), Text("IntegratedInBuild", label="Integrated In Build"),
    Text("ClosedInBuild", label="Closed In Build"), Text("ReopenedInBuild", label="Reopened In Build"),
]
RISK_FIELDS = CASE_FIELDS + [
    Pct("PercentProbability", label="% Probability"),
    Int("Impact", default=1),
    DT("TriggerDate", label="Trigger Date"),
    TextArea("MitigationPlan", 2000, label="Mitigation Plan"),
    TextArea("ContingencyPlan", 2000, label="Contingency Plan"),
    Dbl("RiskRate", label="Risk Rate", calculated=True),
]
ER_FIELDS = CASE_FIELDS + [Int("C_Votes", label="Votes", default=0)]

# ---- Documents, topics, comments, time -------------------------------------
DOCUMENT_FIELDS = [
    Text("Name", nullable=False), sysid(), extid(), etype(), TextArea("Description"),
    state(), PL("DocumentType", label="Document Type"),
    Ref("Owner", "User"),
    Ref("RelatedTo", "Project", "Task", "Case", label="Related To"),
    Bin("Content", updateable=False),
    Text("FileName", 512, label="File Name", calculated=True),
    Long("FileSize", label="File Size", calculated=True),
    Text("MimeType", 128, label="MIME Type", calculated=True),
    Url("Url", label="URL"),
    MPL("Tags"),
    Int("Version", calculated=True),
] + audit()
DOCUMENT_REL = [R("AttachedToItems", "WorkItemAttachmentLink", "WorkItem", "Document",
                  label="Attached To", role="Attached To", ro=True)]

TOPIC_FIELDS = [Text("Name", nullable=False), sysid(), etype(), Rich("Description"),
                Ref("Owner", "User"), Bool("Public", default=True), Text("Color", 16)] + audit()
TOPIC_REL = [R("Cases", "TopicLink", "Case", "Topic"), R("WorkItems", "TopicLink", "WorkItem", "Topic",
                                                          label="Work Items", role="Work Item")]

COMMENT_FIELDS = [
    Text("Subject", 512), sysid(), etype(), Rich("Comment"),
    TextArea("PlainText", label="Plain Text", calculated=True),
    Ref("AttachedTo", "WorkItem", "Case", "Document", label="Attached To", createOnly=True),
    PL("Visibility", "CommentType"),
] + audit()

TIMESHEET_FIELDS = [
    Text("Name", calculated=True), sysid(), etype(),
    Ref("ReportedBy", "User", label="Reported By", createOnly=True, nullable=False),
    Date("ReportedDate", label="Reported Date", nullable=False),
    Ref("WorkItem", "WorkItem", label="Work Item", createOnly=True, nullable=False),
    Ref("Project", "Project", system=True, calculated=True),
    Dur("Duration", default=HOURS0),
    TextArea("Comment", 2000),
    PL("State", default={"id": "/State/Unsubmitted", "Name": "Unsubmitted"}, system=True, nullable=False,
       updateable=False),
    Ref("ApprovedBy", "User", label="Approved By", system=True),
    DT("ApprovedOn", label="Approved On", system=True),
    Bool("Billable", default=True),
    PL("RateType", label="Rate Type"),
    Money("Cost", calculated=True),
    Dbl("C_DurationHours", label="Duration (Hours)"),
    PL("C_InvoiceStatus", label="Invoice Status"),
] + audit()

EXPENSE_FIELDS = [
    Text("Name", nullable=False), sysid(), extid(), etype(), TextArea("Description"),
    state(), Ref("ReportedBy", "User", label="Reported By", createOnly=True),
    Date("ExpenseDate", label="Expense Date"), Money("Amount", nullable=False),
    PL("ExpenseType", label="Expense Type"), Ref("Project", "Project"),
    Ref("WorkItem", "WorkItem", label="Work Item"), Bool("Billable", default=True),
    Bool("Reimbursable", default=True), PL("C_InvoiceStatus", label="Invoice Status"),
] + audit()

RLTP_FIELDS = [
    Text("Name", calculated=True), etype(),
    Ref("Resource", "User", system=True), Ref("WorkItem", "WorkItem", label="Work Item", system=True),
    Ref("RelatedLink", "RegularResourceLink", label="Related Link", system=True),
    Date("Month", system=True), Dur("Work", calculated=True), Dur("ActualEffort", label="Actual Effort", calculated=True),
    Dur("RemainingEffort", label="Remaining Effort", calculated=True),
    Money("Cost", calculated=True), Money("ActualCost", label="Actual Cost", calculated=True),
] + audit()

# ---- Link entities ------------------------------------------------------------
def link_base():
    return [Text("Name", calculated=True), sysid(), etype()]

LINKS = [
    E("RegularResourceLink", link_base() + [
        Ref("WorkItem", "WorkItem", label="Work Item", createOnly=True, nullable=False),
        Ref("Resource", "User", createOnly=True, nullable=False),
        Ref("RelatedLink", "RegularResourceLink", label="Related Link", system=True),
        Ref("ResourceRole", "Role", label="Resource Role"),
        Pct("Units", default=100.0),
        Dur("Work", default=HOURS0), Dur("ActualEffort", label="Actual Effort"),
        Dur("RemainingEffort", label="Remaining Effort", calculated=True),
        Money("Cost", calculated=True), Bool("C_Billable", label="Billable", default=True),
    ] + audit(), label="Regular Resource Link"),
    E("ReviewerLink", link_base() + [
        Ref("WorkItem", "WorkItem", label="Work Item", createOnly=True, nullable=False),
        Ref("Reviewer", "User", createOnly=True, nullable=False),
        DT("ReviewDate", label="Review Date"),
    ] + audit(), label="Reviewer Link"),
    E("DependencyLink", link_base() + [
        Ref("WorkItem", "WorkItem", label="Successor", createOnly=True, nullable=False),
        Ref("DependsOn", "WorkItem", label="Predecessor", createOnly=True, nullable=False),
        PL("DependencyType", label="Dependency Type",
           default={"id": "/DependencyType/FinishToStart", "Name": "Finish to Start"}),
        Dur("Lag", default={"unit": "Days", "value": 0.0}),
    ] + audit(), label="Dependency"),
    E("WorkItemHierarchyLink", link_base() + [
        Ref("Parent", "WorkItem", createOnly=True, nullable=False),
        Ref("Child", "WorkItem", createOnly=True, nullable=False),
        PL("LinkType", label="Link Type", default={"id": "/LinkType/Contained", "Name": "Contained"}),
        Bool("IsShortcut", label="Is Shortcut", default=False),
        Int("SequenceOrder", label="Sequence Order"),
        Dbl("ImpactWeight", label="Impact Weight", default=1.0),
    ] + audit(), label="Work Item Progress Impact", plural="Work Item Progress Impacts"),
    E("WorkItemAttachmentLink", link_base() + [
        Ref("Entity", "WorkItem", "Case", createOnly=True, nullable=False),
        Ref("Document", "Document", createOnly=True, nullable=False),
    ] + audit(), label="Attachment"),
    E("RelatedWork", link_base() + [
        Ref("Issue", "Case", createOnly=True, nullable=False),
        Ref("WorkItem", "WorkItem", label="Work Item", createOnly=True, nullable=False),
    ] + audit(), label="Issue Related Work", plural="Issue Related Work"),
    E("CustomerLink", link_base() + [
        Ref("Project", "Project", createOnly=True, nullable=False),
        Ref("Customer", "Customer", createOnly=True, nullable=False),
        Pct("CostAllocation", label="Cost Allocation", default=100.0),
    ] + audit(), label="Customer - Project Link"),
    E("IssueCustomerLink", link_base() + [
        Ref("Issue", "Case", createOnly=True, nullable=False),
        Ref("Customer", "Customer", createOnly=True, nullable=False),
        Bool("Submitted", default=False), Bool("Committed", default=False),
        DT("CommittedDate", label="Committed Date"),
    ] + audit(), label="Customer - Issues Link"),
    E("IssueTeamMembers", link_base() + [
        Ref("Issue", "Case", createOnly=True, nullable=False),
        Ref("User", "User", createOnly=True, nullable=False),
    ] + audit(), label="Issue Team Member"),
    E("TopicLink", link_base() + [
        Ref("Topic", "Topic", createOnly=True, nullable=False),
        Ref("Entity", "WorkItem", "Case", createOnly=True, nullable=False),
    ] + audit(), label="Topic Link"),
    E("GroupMembershipLink", link_base() + [
        Ref("Group", "Group", createOnly=True, nullable=False),
        Ref("User", "User", createOnly=True, nullable=False),
    ] + audit(), label="Group Membership"),
]

# ---- Pick-list entities ---------------------------------------------------------
def pick_fields(extra=()):
    return [Text("Name", 128, nullable=False), TextArea("Description", 512),
            Int("ValueOrder", label="Value Order", default=0),
            Bool("IsDefaultValue", label="Is Default Value", default=False),
            Bool("Disabled", default=False)] + list(extra) + audit()

def P(typeName, values, label=None, plural=None, extra=()):
    pk = []
    for v in values:
        if isinstance(v, tuple):
            pk.append(v)
        else:
            pk.append((v, v, ""))
    return E(typeName, pick_fields(extra), label=label, plural=plural, pickups=pk)

PICKLISTS = [
    P("State", [
        ("Draft", "Draft", "Not yet started; planning"),
        ("Active", "Active", "In progress / active user"),
        ("On Hold", "On Hold", "Temporarily suspended work"),
        ("Completed", "Completed", "Work finished"),
        ("Cancelled", "Cancelled", "Work abandoned"),
        ("Suspended", "Suspended", "User cannot log in"),
        ("Deleted", "Deleted", "User removed"),
        ("Submitted", "Submitted", ""), ("Opened", "Opened", ""), ("Resolved", "Resolved", ""),
        ("Closed", "Closed", ""), ("Rejected", "Rejected", ""), ("Deferred", "Deferred", ""),
        ("Reopened", "Reopened", ""), ("Unsubmitted", "Unsubmitted", ""), ("Approved", "Approved", ""),
    ]),
    P("TrackStatus", [("On Track", "On Track", "Green"), ("At Risk", "At Risk", "Yellow"),
                      ("Off Track", "Off Track", "Red")], label="Track Status", plural="Track Statuses"),
    P("Phase", ["Concept", "Planning", "Execution", "Closure"]),
    P("Importance", ["Low", "Normal", "High"], plural="Importance"),
    P("TaskType", ["Task", "Deliverable", "Meeting", "Review"], label="Task Type"),
    P("MilestoneType", ["Gate", "Payment", "Release"], label="Milestone Type"),
    P("ProjectType", ["Internal", "Customer", "R&D", "Maintenance"], label="Project Type"),
    P("Severity", ["Critical", "Major", "Minor", "Cosmetic"], plural="Severities"),
    P("Priority", [("1", "1 - Urgent", ""), ("2", "2 - High", ""), ("3", "3 - Medium", ""), ("4", "4 - Low", "")],
      plural="Priorities"),
    P("JobTitle", ["Project Manager", "Developer", "Designer", "QA Engineer", "Consultant"], label="Job Title"),
    P("Country", [("US", "United States", ""), ("GB", "United Kingdom", ""), ("DE", "Germany", ""),
                  ("IL", "Israel", ""), ("FR", "France", "")], plural="Countries"),
    P("CurrencyType", ["USD", "EUR", "GBP", "ILS"], label="Currency Type"),
    P("IndustryType", ["Software", "Manufacturing", "Financial Services", "Healthcare"], label="Industry Type"),
    P("RateType", ["Regular", "Overtime"], label="Rate Type"),
    P("DocumentType", ["Specification", "Design", "Contract", "Other"], label="Document Type"),
    P("DependencyType", [("FinishToStart", "Finish to Start", ""), ("FinishToFinish", "Finish to Finish", ""),
                         ("StartToStart", "Start to Start", ""), ("StartToFinish", "Start to Finish", "")],
      label="Dependency Type"),
    P("LinkType", [("Contained", "Contained", "Hierarchical"), ("Reflected", "Reflected", "Progress impact")],
      label="Contained Link Type"),
    P("Role", ["Project Manager", "Team Member", "Reviewer", "Stakeholder"],
      extra=[Money("DefaultRate", label="Default Rate")]),
    P("ExpenseType", ["Travel", "Lodging", "Meals", "Equipment"], label="Expense Type"),
    P("CommentType", ["Public", "Private"], label="Comment Type"),
    P("C_InvoiceStatus", ["Pending", "Invoiced", "Adjusted", "Nonchargeable"], label="Invoice Status",
      plural="Invoice Statuses"),
    P("C_Discipline", ["Engineering", "Design", "Finance", "Operations", "Marketing"], label="Discipline"),
]

ENTITIES = [
    E("WorkItem", WORKITEM_FIELDS, WI_REL, label="Work Item", states=WI_STATES),
    E("Project", PROJECT_FIELDS, PROJECT_REL, parent="WorkItem", states=WI_STATES),
    E("Milestone", MILESTONE_FIELDS, [], parent="WorkItem", states=WI_STATES),
    E("Task", TASK_FIELDS, TASK_REL, parent="WorkItem", states=WI_STATES),
    E("Program", PROGRAM_FIELDS, [R("Projects", "Project", "Project", "Program", ro=True)], states=WI_STATES),
    E("User", USER_FIELDS, USER_REL, display="DisplayName", states=USER_STATES),
    E("Group", GROUP_FIELDS, GROUP_REL),
    E("Organization", ORG_FIELDS),
    E("Customer", CUSTOMER_FIELDS, CUSTOMER_REL),
    E("ContactPerson", CONTACT_FIELDS, label="Contact Person"),
    E("Case", CASE_FIELDS, CASE_REL, label="All Issue Types", plural="All Issue Types", display="Title",
      states=CASE_STATES),
    E("Issue", CASE_FIELDS, CASE_REL, parent="Case", display="Title", states=CASE_STATES),
    E("Bug", BUG_FIELDS, CASE_REL, parent="Case", display="Title", states=CASE_STATES),
    E("Risk", RISK_FIELDS, CASE_REL, parent="Case", display="Title", states=CASE_STATES),
    E("EnhancementRequest", ER_FIELDS, CASE_REL, parent="Case", label="Enhancement Request", display="Title",
      states=CASE_STATES),
    E("Document", DOCUMENT_FIELDS, DOCUMENT_REL, states=["Draft", "Active", "Cancelled"]),
    E("Topic", TOPIC_FIELDS, TOPIC_REL),
    E("Comment", COMMENT_FIELDS, display="Subject"),
    E("Note", COMMENT_FIELDS, parent="Comment", display="Subject"),
    E("Discussion", COMMENT_FIELDS, parent="Comment", display="Subject"),
    E("Timesheet", TIMESHEET_FIELDS, display="Name", states=["Unsubmitted", "Submitted", "Approved"]),
    E("Expense", EXPENSE_FIELDS, states=["Draft", "Submitted", "Approved", "Rejected"]),
    E("RLTimePhaseMonthly", RLTP_FIELDS, label="Resource Time Phase (Monthly)",
      plural="Resource Time Phases (Monthly)"),
] + LINKS + PICKLISTS

# Entity names referenced but deliberately NOT described (listEntities would list them).
INTENTIONALLY_UNKNOWN = {"NLSLanguage", "CountryState"}


def order_field(d):
    return {k: d[k] for k in FIELD_KEYS if k in d}


def render(entities):
    """One field / relation / pickup object per line: diffable and greppable."""
    out = ['{', '  "entityDescriptions": [']
    for ei, e in enumerate(entities):
        out.append('    {')
        keys = list(e.keys())
        for ki, k in enumerate(keys):
            comma = "," if ki < len(keys) - 1 else ""
            v = e[k]
            if isinstance(v, list) and v and isinstance(v[0], dict):
                out.append('      %s: [' % json.dumps(k))
                for i, item in enumerate(v):
                    if k == "fields":
                        item = order_field(item)
                    out.append('        %s%s' % (json.dumps(item, ensure_ascii=False),
                                                 "," if i < len(v) - 1 else ""))
                out.append('      ]%s' % comma)
            else:
                out.append('      %s: %s%s' % (json.dumps(k), json.dumps(v, ensure_ascii=False), comma))
        out.append('    }%s' % ("," if ei < len(entities) - 1 else ""))
    out.append('  ]')
    out.append('}')
    return "\n".join(out) + "\n"


def check(path):
    with open(path) as f:
        doc = json.load(f)
    errs = []
    ents = doc["entityDescriptions"]
    names = [e["typeName"] for e in ents]
    byname = {e["typeName"]: e for e in ents}
    if len(set(names)) != len(names):
        errs.append("duplicate entity names")
    valid_types = {"Boolean", "String", "Integer", "Long", "Double", "DateTime", "Date", "Entity",
                   "Duration", "Money", "MultiPickList", "Binary"}
    valid_pt = {"Text", "Numeric", "Date", "Checkbox", "TextArea", "Currency", "Duration",
                "ReferenceToObject", "PickList", "Url", "Percent", "RichText", "MultiPickList", "Other"}
    always = ["name", "type", "presentationType", "label", "system", "calculated", "nullable", "createOnly",
              "updateable", "internal", "custom", "visible", "decimalPlaces", "filterable", "sortable", "_type"]
    for e in ents:
        t = e["typeName"]
        if e["parentEntity"] is not None and e["parentEntity"] not in byname:
            errs.append("%s: parentEntity %s missing" % (t, e["parentEntity"]))
        fnames = [f["name"] for f in e["fields"]]
        seen = set()
        for n in fnames:
            if n.lower() in seen:
                errs.append("%s: duplicate field %s" % (t, n))
            seen.add(n.lower())
        # displayField must be resolvable (possibly via parent)
        chain, cur = set(), e
        while cur is not None:
            chain |= {f["name"] for f in cur["fields"]}
            cur = byname.get(cur["parentEntity"]) if cur["parentEntity"] else None
        if e["displayField"] not in chain:
            errs.append("%s: displayField %s not a field" % (t, e["displayField"]))
        for f in e["fields"]:
            where = "%s.%s" % (t, f["name"])
            keys = list(f.keys())
            if keys != [k for k in FIELD_KEYS if k in f]:
                errs.append("%s: key order %s" % (where, keys))
            for k in always:
                if k not in f:
                    errs.append("%s: missing %s" % (where, k))
            if f["type"] not in valid_types:
                errs.append("%s: bad type" % where)
            if f["presentationType"] not in valid_pt:
                errs.append("%s: bad presentationType" % where)
            if (f["type"] == "Entity") != ("referencedEntities" in f):
                errs.append("%s: referencedEntities presence" % where)
            if (f["type"] == "String") != ("maxLength" in f):
                errs.append("%s: maxLength presence" % where)
            want = "EntityFieldDescription" if f["type"] == "Entity" else "FieldDescription"
            if f["_type"] != want:
                errs.append("%s: _type" % where)
            if f["custom"] != f["name"].startswith("C_"):
                errs.append("%s: custom flag" % where)
            for r in f.get("referencedEntities", []):
                if r not in byname and r not in INTENTIONALLY_UNKNOWN:
                    errs.append("%s: unknown referenced entity %s" % (where, r))
            if f["presentationType"] == "PickList":
                for r in f["referencedEntities"]:
                    if r in byname and "pickups" not in byname[r]:
                        errs.append("%s: pick-list target %s has no pickups" % (where, r))
        for r in e["relations"]:
            where = "%s/%s" % (t, r["name"])
            if list(r.keys()) != ["name", "label", "roleLabel", "readOnly", "linkTypeName", "relatedTypeName",
                                  "sourceFieldName"]:
                errs.append("%s: relation keys" % where)
            link = byname.get(r["linkTypeName"])
            if link is None:
                errs.append("%s: link %s missing" % (where, r["linkTypeName"]))
            elif r["sourceFieldName"] not in {f["name"] for f in link["fields"]}:
                errs.append("%s: source field %s not on link" % (where, r["sourceFieldName"]))
            if r["relatedTypeName"] not in byname:
                errs.append("%s: related %s missing" % (where, r["relatedTypeName"]))
        if len({r["name"] for r in e["relations"]}) != len(e["relations"]):
            errs.append("%s: duplicate relation" % t)
        if "pickups" in e:
            if "Name" not in fnames:
                errs.append("%s: pick-list without Name" % t)
    st = {p["value"] for p in byname["State"]["pickups"]}
    for e in ents:
        for s in e["validStates"]:
            if s not in st:
                errs.append("%s: validState %s not a State pickup" % (e["typeName"], s))
    # fields the reference queries use
    need = {
        "Task": "Name StartDate Manager DueDate Work State CreatedOn ActualCost RemainingEffort Project PercentCompleted C_InvoiceStatus",
        "User": "FirstName LastName Email OfficePhone MobilePhone ExternalUser SuperUser Financial DisplayName Admin State UserName Active Name",
        "Project": "Name State TrackStatus ProjectManager PercentCompleted Project ParentProject Program",
        "WorkItem": "Name Parent State DueDate ExternalID EntityType TrackStatus PercentCompleted",
        "Topic": "Name", "Organization": "Name C_TrelloAPIKey",
        "Timesheet": "ReportedDate ReportedBy C_DurationHours",
        "RegularResourceLink": "Name Resource WorkItem RelatedLink",
        "Program": "Name Manager", "TrackStatus": "Name", "Case": "Title",
    }
    for t, fs in need.items():
        have = {f["name"].lower() for f in byname[t]["fields"]}
        for fn in fs.split():
            if fn.lower() not in have:
                errs.append("required %s.%s missing" % (t, fn))
    for t, rel in [("Project", "Resources"), ("Project", "RelatedRequests"), ("Topic", "Cases"),
                   ("Topic", "WorkItems")]:
        if rel not in {r["name"] for r in byname[t]["relations"]}:
            errs.append("required relation %s.%s missing" % (t, rel))
    return errs, doc


def main():
    text = render(ENTITIES)
    json.loads(text)
    for path in (OUT, SANDBOX_COPY):
        with open(path, "w") as f:
            f.write(text)
    errs, doc = check(OUT)
    ents = doc["entityDescriptions"]
    nf = sum(len(e["fields"]) for e in ents)
    nr = sum(len(e["relations"]) for e in ents)
    print("entities=%d fields=%d relations=%d" % (len(ents), nf, nr))
    for e in errs:
        print("ERROR:", e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
