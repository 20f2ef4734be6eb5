"""The files of LinkedIn's export this app reads, each with the columns it must have.

The one list of them: the readers, the archive check and the tests' generator all use these.
"""

from __future__ import annotations

from profile_helper.core.linkedin_archive.table import Layout

PROFILE = Layout(
    "Profile.csv",
    {
        "first_name": "First Name",
        "last_name": "Last Name",
        "headline": "Headline",
        "summary": "Summary",
        "industry": "Industry",
        "location": "Geo Location",
        "websites": "Websites",
    },
    ("first_name", "last_name", "headline"),
)
SKILLS = Layout("Skills.csv", {"name": "Name"}, ("name",))
ENDORSEMENTS = Layout(
    "Endorsement_Received_Info.csv",
    {
        "date": "Endorsement Date",
        "skill": "Skill Name",
        "first_name": "Endorser First Name",
        "last_name": "Endorser Last Name",
    },
    ("skill", "first_name"),
)
POSITIONS = Layout(
    "Positions.csv",
    {
        "company": "Company Name",
        "title": "Title",
        "description": "Description",
        "location": "Location",
        "started_on": "Started On",
        "finished_on": "Finished On",
    },
    ("company", "title"),
)
EDUCATION = Layout(
    "Education.csv",
    {
        "school": "School Name",
        "started_on": "Start Date",
        "finished_on": "End Date",
        "notes": "Notes",
        "degree": "Degree Name",
        "activities": "Activities",
    },
    ("school",),
)
CERTIFICATIONS = Layout(
    "Certifications.csv",
    {
        "name": "Name",
        "url": "Url",
        "authority": "Authority",
        "started_on": "Started On",
        "finished_on": "Finished On",
        "license_number": "License Number",
    },
    ("name", "authority"),
)
MESSAGES = Layout(
    "messages.csv",
    {
        "conversation": "CONVERSATION ID",
        "title": "CONVERSATION TITLE",
        "sender": "FROM",
        "sender_url": "SENDER PROFILE URL",
        "to": "TO",
        "recipient_urls": "RECIPIENT PROFILE URLS",
        "date": "DATE",
        "subject": "SUBJECT",
        "content": "CONTENT",
        "folder": "FOLDER",
    },
    ("conversation", "sender", "date"),
)
INVITATIONS = Layout(
    "Invitations.csv",
    {
        "sender": "From",
        "recipient": "To",
        "sent_at": "Sent At",
        "message": "Message",
        "direction": "Direction",
        "inviter_url": "inviterProfileUrl",
        "invitee_url": "inviteeProfileUrl",
    },
    ("sender", "recipient", "sent_at", "direction"),
)
JOB_APPLICATIONS = Layout(
    "Job Applications.csv",
    {
        "date": "Application Date",
        "email": "Contact Email",
        "phone": "Contact Phone Number",
        "company": "Company Name",
        "title": "Job Title",
        "url": "Job Url",
        "resume": "Resume Name",
        "answers": "Question And Answers",
    },
    ("date", "company", "title"),
)
SAVED_JOBS = Layout(
    "Saved Jobs.csv",
    {
        "date": "Saved Date",
        "url": "Job Url",
        "title": "Job Title",
        "company": "Company Name",
    },
    ("date", "title", "company"),
)
CONNECTIONS_FILE = "Connections.csv"
"""Read by the contacts import (:mod:`profile_helper.core.contacts.linkedin`), not by a layout."""
