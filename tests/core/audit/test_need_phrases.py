"""The noun phrases of a posting's duties and requirements, and the parts they are read from."""

from profile_helper.core.audit.extract import (
    MAX_KEYWORDS,
    MIN_KEYWORDS,
    job_keywords_detailed,
    keyword_limit,
)
from profile_helper.core.audit.need_phrases import need_phrases
from profile_helper.core.audit.posting import read_posting

AIDE = """Certified Nursing Assistant - Memory Care

Responsibilities
- Take and record vital signs, and report changes to the nurse right away.
- Help residents with safe transfers using gait belts and mechanical lifts.
- Make beds, clean rooms and keep accurate shift notes.

Requirements
- Active CNA certification and experience with dementia care.

A night on the unit
Most nights the money goes where the residents are, the hours pass quickly, and by the \
morning the whole team sits down together for coffee before the day shift arrives at seven.

Benefits
- Medical insurance and paid time off.
"""


def names(text: str) -> list[str]:
    return [p.name for p in need_phrases(read_posting(text), [])]


def test_duty_and_requirement_bullets_give_their_noun_phrases() -> None:
    found = names(AIDE)
    assert "vital signs" in found
    assert "gait belts" in found
    assert "mechanical lifts" in found
    assert "dementia care" in found


def test_opening_verbs_fillers_and_qualities_are_cut() -> None:
    found = names(AIDE)
    # "Take and record", "accurate" and "right away" are not what the job needs.
    assert "shift notes" in found
    assert not any(name.startswith(("Take", "record", "accurate")) for name in found)
    assert not any("away" in name for name in found)


def test_a_story_under_an_unnamed_heading_and_the_offer_give_nothing() -> None:
    found = names(AIDE)
    assert not any("money" in name or "hours" in name for name in found)
    assert not any("insurance" in name for name in found)


def test_a_heading_ending_in_dots_leads_into_its_part() -> None:
    posting = read_posting("Cook\n\nYou'll be a great fit if...\nYou know knife skills well.\n")
    kinds = [p.kind for p in posting.parts]
    assert kinds[-1] == "requirements"


def test_duty_phrases_are_keywords_after_the_named_skills() -> None:
    keywords = job_keywords_detailed(AIDE)
    by_name = {k.name: k for k in keywords}
    assert by_name["vital signs"].importance == "duty"
    assert by_name["vital signs"].kind == "duty"
    assert by_name["dementia care"].importance == "required"
    # A credential that holds a role noun is the credential, not a word of a title.
    assert "CNA" in by_name or any("CNA" in k.name for k in keywords)


def test_an_activity_standing_alone_and_a_named_skill_with_skills_are_phrases() -> None:
    job = "Line Cook\n\n• Prep: knife skills, portioning and plating.\n• Help with closing.\n"
    found = [k.name for k in job_keywords_detailed(job)]
    assert "knife skills" in found
    assert "portioning" in found
    assert "closing" in found


def test_slash_joined_credentials_and_acronyms_of_a_list_without_headings() -> None:
    hygienist = "Dental Hygienist\n\nRequirements\n• Current CPR/BLS certification.\n"
    found = [k.name for k in job_keywords_detailed(hygienist)]
    assert "BLS certification" in found
    one_list = "Line Cook\n\n• Food safety: labeling and FIFO rotation.\n• Clean station.\n"
    assert "FIFO" in [k.name for k in job_keywords_detailed(one_list)]


def test_the_keyword_limit_grows_with_the_needs() -> None:
    short = read_posting("Cook\n\nRequirements\n- Knife skills.\n")
    items = "".join(f"- Item number {i} of the list.\n" for i in range(60))
    long = read_posting("Cook\n\nRequirements\n" + items)
    assert keyword_limit(short) == MIN_KEYWORDS
    assert MIN_KEYWORDS < keyword_limit(long) <= MAX_KEYWORDS


def test_a_product_no_list_holds_is_a_tool_when_the_posting_asks_for_it() -> None:
    job = "Nursing Assistant\n\nDuties\n- Chart care in PointClickCare.\n- Help RFIs and CNAs.\n"
    keywords = {k.name: k for k in job_keywords_detailed(job)}
    assert keywords["PointClickCare"].kind == "tool"
    assert "CNAs" not in keywords or keywords["CNAs"].source != "name"


def test_a_tool_of_the_postings_field_is_found_in_lower_case() -> None:
    cook = "Line Cook\n\n• Work the grill and the fryer.\n"
    assert "grill" in [k.name for k in job_keywords_detailed(cook)]
    analyst = "Data Analyst\n\n• Grill the numbers until they confess.\n"
    assert "Grill" not in [k.name for k in job_keywords_detailed(analyst)]


def test_a_lone_thing_in_a_list_item_is_a_phrase_and_a_lone_verb_is_not() -> None:
    job = "Electrician\n\nDuties\n- Install, terminate and test panelboards, switchgear, feeders.\n"
    found = names(job)
    assert "switchgear" in found
    assert "terminate" not in found


def test_a_name_the_employer_calls_its_own_is_not_a_product_to_bring() -> None:
    job = "Superintendent\n\nDuties\n- Work safely with our Ironwood SafeStart program.\n"
    assert "SafeStart" not in [k.name for k in job_keywords_detailed(job)]


DUTY_VERBS = """Pharmacy Technician

What you'll do
- Manage inventory and ordering with our wholesaler.
- Lead the morning huddle.
- Reconcile invoices against deliveries.

In the afternoons you'll negotiate prices with vendors, and you will keep the shelves tidy.

What you need
- Ability to schedule staff across two stores.
"""


def test_a_duty_verb_and_its_object_are_a_duty_phrase_as_written() -> None:
    found = [p.name for p in need_phrases(read_posting(DUTY_VERBS), [])]
    # Items of the duties, prose in the duties after "you'll", and a requirement after "to".
    assert {"manage inventory", "reconcile invoices", "negotiate prices", "schedule staff"} <= set(
        found
    )
    # "Lead" and "keep" name no duty of their own.
    assert not any(name.startswith(("lead", "keep")) for name in found)


SYSTEMS = """Records Specialist

Responsibilities
- Enter grades in Skyward.
- Deploy laptops with Microsoft Intune; keep the asset list current.
- Track permit applications in our permitting system (Accela).
- Meet weekly with Sales Engineers.

Requirements
- A bachelor's degree in Public Administration.
- Experience with Gong, Outreach or ZoomInfo.
"""


def test_a_name_given_as_the_system_the_work_is_done_in_is_a_tool() -> None:
    tools = [k.name for k in job_keywords_detailed(SYSTEMS) if k.source == "name"]
    assert {"Skyward", "Microsoft Intune", "Accela", "Gong", "Outreach"} <= set(tools)
    # People, and a field of study, are not systems.
    assert "Sales Engineers" not in tools
    assert "Public Administration" not in tools


def test_a_place_in_prose_is_not_a_system() -> None:
    job = "Data Engineer at Northwind in Hamburg.\n\nYou will build pipelines with Python."
    assert "Hamburg" not in [k.name for k in job_keywords_detailed(job)]


def test_another_spelling_of_a_named_skill_is_not_a_product_of_its_own() -> None:
    job = "Pharmacy Technician\n\nRequirements\n- National certification (PTCB CPhT or ExCPT).\n"
    keywords = job_keywords_detailed(job)
    # The vocabulary knows all three as one certification.
    assert any(k.source == "vocabulary" and k.skill == "CPhT" for k in keywords)
    assert "ExCPT" not in [k.name for k in keywords if k.source == "name"]


HYGIENIST = """Dental Hygienist

What we're looking for
- Active state Registered Dental Hygienist (RDH) license
- Unrestricted RN license in good standing
- Local anesthesia permit
"""


def test_a_credential_s_standing_is_never_a_phrase() -> None:
    found = names(HYGIENIST)
    assert "active state" not in found
    assert "good standing" not in found
    assert "standing" not in found
    assert "local anesthesia permit" in found
