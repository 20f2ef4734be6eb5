import sqlite3
from datetime import date

from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.query import (
    ContactQuery,
    contact_ids,
    list_contacts,
)
from profile_helper.core.contacts.store import (
    add_contact,
    add_tag,
    delete_contacts,
    remove_tag,
    update_contact,
)

TODAY = date(2024, 6, 10)


def _seed(db: sqlite3.Connection) -> dict[str, int]:
    people = {
        "ana": ContactDraft(
            first_name="Ana", last_name="García", company="Globex", notes="Met at PyCon"
        ),
        "bo": ContactDraft(
            first_name="Bo", last_name="Li", position="Recruiter", emails=["bo@hire.io"]
        ),
        "cy": ContactDraft(first_name="Cy", last_name="Zhang", tags=["mentor"], status="met"),
        "solo": ContactDraft(first_name="Mononym"),
    }
    return {key: add_contact(db, draft) for key, draft in people.items()}


def test_search_across_fields(db: sqlite3.Connection) -> None:
    ids = _seed(db)

    def found(text: str) -> set[int]:
        return {c.id for c in list_contacts(db, ContactQuery(search=text))}

    assert found("garcía") == {ids["ana"]}
    assert found("GLOBEX") == {ids["ana"]}
    assert found("recruit") == {ids["bo"]}
    assert found("hire.io") == {ids["bo"]}
    assert found("mentor") == {ids["cy"]}
    assert found("pycon") == {ids["ana"]}
    assert found("ana pycon") == {ids["ana"]}
    assert found("ana recruiter") == set()
    assert found("") == set(ids.values())


def test_filters(db: sqlite3.Connection) -> None:
    ids = _seed(db)
    add_follow_up(db, ids["ana"], "2024-06-01", "overdue")
    add_follow_up(db, ids["bo"], "2024-06-10", "today")
    add_follow_up(db, ids["cy"], "2024-06-20", "later")
    log_interaction(db, ids["bo"], "call", "chat", when="2024-06-05")

    def found(**kw: object) -> set[int]:
        return {c.id for c in list_contacts(db, ContactQuery(today=TODAY, **kw))}  # type: ignore[arg-type]

    assert found(overdue=True) == {ids["ana"]}
    assert found(due=True) == {ids["ana"], ids["bo"]}
    assert found(tag="MENTOR") == {ids["cy"]}
    assert found(status="met") == {ids["cy"]}
    assert found(not_contacted_days=30) == {ids["ana"], ids["cy"], ids["solo"]}


def test_sorting_and_windows(db: sqlite3.Connection) -> None:
    ids = _seed(db)
    names = [c.first_name for c in list_contacts(db)]
    assert names == ["Ana", "Bo", "Mononym", "Cy"]  # García, Li, Mononym, Zhang
    desc = [c.first_name for c in list_contacts(db, ContactQuery(descending=True))]
    assert desc == names[::-1]
    by_company = [c.first_name for c in list_contacts(db, ContactQuery(sort="company"))]
    assert by_company[0] == "Ana"  # empty companies sort last
    window = list_contacts(db, ContactQuery(), offset=1, limit=2)
    assert [c.first_name for c in window] == ["Bo", "Mononym"]
    assert len(contact_ids(db, ContactQuery(search="li"))) == 1
    assert len(contact_ids(db)) == 4
    add_follow_up(db, ids["cy"], "2024-06-20", "x")
    ordered = contact_ids(db, ContactQuery(sort="next_follow_up"))
    assert ordered[0] == ids["cy"]
    assert contact_ids(db) == [c.id for c in list_contacts(db)]


def test_search_folds_accents_and_matches_word_starts(db: sqlite3.Connection) -> None:
    emilie = add_contact(db, ContactDraft(first_name="Émilie", last_name="Durand"))
    hans = add_contact(db, ContactDraft(first_name="Hans", last_name="Müller", company="Globex"))
    greta = add_contact(db, ContactDraft(first_name="Greta", last_name="Mueller"))
    jo = add_contact(db, ContactDraft(first_name="Jo", last_name="Muller"))
    ana = add_contact(db, ContactDraft(first_name="Ana", emails=["ana@acme.com"]))

    def found(text: str) -> set[int]:
        return set(contact_ids(db, ContactQuery(search=text)))

    assert found("emilie") == {emilie}
    assert found("Emi") == {emilie}
    assert found("ÉMILIE durand") == {emilie}
    assert found("muller") == {hans, jo}
    assert found("müller") == {hans, jo}
    assert found("mue") == {greta}
    assert found("ana@acme") == {ana}
    assert found("acme.com") == {ana}
    assert found('"') == found("-") == set(contact_ids(db))  # nothing to match: no filter
    assert found("hans globex") == {hans}
    assert found("hans acme") == set()


def test_the_search_index_follows_every_change(db: sqlite3.Connection) -> None:
    ids = _seed(db)

    def found(text: str) -> set[int]:
        return set(contact_ids(db, ContactQuery(search=text)))

    update_contact(db, ids["bo"], ContactDraft(first_name="Bo", last_name="Li", company="Initech"))
    assert found("initech") == {ids["bo"]}
    assert found("recruiter") == set()
    add_tag(db, [ids["ana"]], "Conférence")
    assert found("conference") == {ids["ana"]}
    remove_tag(db, [ids["ana"]], "Conférence")
    assert found("conference") == set()
    delete_contacts(db, [ids["cy"]])
    assert found("zhang") == set()
    # Raises (SQLITE_CORRUPT_VTAB) when the index and the table drifted apart.
    db.execute("INSERT INTO contacts_search(contacts_search, rank) VALUES ('integrity-check', 1)")


def test_contacted_exactly_thirty_days_ago_is_within_the_last_thirty_days(
    db: sqlite3.Connection,
) -> None:
    ids = _seed(db)
    log_interaction(db, ids["ana"], "call", "chat", when="2024-05-11")  # 30 days before TODAY
    log_interaction(db, ids["bo"], "call", "chat", when="2024-05-10")  # 31 days
    quiet = set(contact_ids(db, ContactQuery(today=TODAY, not_contacted_days=30)))
    assert ids["ana"] not in quiet
    assert ids["bo"] in quiet
