"""The habits panel on Today and the Goals section of Settings, with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from pytestqt.qtbot import QtBot

from profile_helper.core.applications.events import new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.today.habits import log_skill, targets
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.goals import GoalsSection
from profile_helper.gui.today.habits_panel import HabitsPanel
from profile_helper.gui.today.page import TodayPage
from profile_helper.gui.today.skill_dialog import SkillDialog

TOKYO = timezone(timedelta(hours=9))


def _clock() -> datetime:
    # 23:30 UTC on 10 March is already 08:30 on 11 March in Tokyo.
    return datetime(2026, 3, 10, 23, 30, tzinfo=UTC)


def _fill(ctx: AppContext) -> None:
    conn = ctx.database()
    for day in ("2026-03-09", "2026-03-10", "2026-03-10", "2026-03-11"):
        new_application(conn, ApplicationDraft("Northwind", "Data Engineer"), applied_on=day)
    ana = add_contact(conn, ContactDraft(first_name="Ana"))
    log_interaction(conn, ana, "message", "hello", "2026-03-10")


def _panel_and_goals(qtbot: QtBot, ctx: AppContext) -> tuple[HabitsPanel, GoalsSection]:
    """The panel in Tokyo and the Goals section of Settings, both showing the store."""
    panel = HabitsPanel(ctx, _clock, TOKYO)
    qtbot.addWidget(panel)
    goals = GoalsSection(ctx)
    qtbot.addWidget(goals)
    panel.refresh()
    goals.load()
    return panel, goals


def test_progress_and_streaks_in_the_persons_time_zone(qtbot: QtBot, ctx: AppContext) -> None:
    _fill(ctx)
    tokyo = HabitsPanel(ctx, _clock, TOKYO)
    qtbot.addWidget(tokyo)
    london = HabitsPanel(ctx, _clock, UTC)
    qtbot.addWidget(london)
    assert tokyo.cards["applications"].count.text() == ""  # nothing read before it is shown
    tokyo.refresh()
    london.refresh()
    # In Tokyo it is the 11th: one application so far, yesterday's two made a 1-day streak.
    assert tokyo.cards["applications"].count.text() == "1 / 2"
    assert tokyo.cards["applications"].streak.text() == "1-day streak · your best"
    assert tokyo.cards["networking"].count.text() == "0 / 1"
    # In London it is still the 10th: both goals met today.
    assert london.cards["applications"].count.text() == "2 / 2"
    assert london.cards["networking"].streak.text() == "1-day streak · your best"
    assert "met" in london.cards["networking"].accessibleName()


def test_logging_a_skill_updates_the_card_and_settings(qtbot: QtBot, ctx: AppContext) -> None:
    panel, goals = _panel_and_goals(qtbot, ctx)
    assert panel.cards["skills"].count.text() == "0 / 1"
    assert panel.cards["skills"].streak.text() == "Start a streak today"
    with qtbot.waitSignal(panel.skill_logged):
        panel.log_skill("dbt incremental models", "used at work")
    assert panel.cards["skills"].count.text() == "1 / 1"
    assert panel.cards["skills"].title.text() == "Skills learned this week"
    assert goals.skills.item(0).text() == "2026-03-11   dbt incremental models — used at work"


def test_a_skill_must_be_named_before_it_is_saved(qtbot: QtBot) -> None:
    dialog = SkillDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result() != SkillDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Name the skill you learned."
    qtbot.keyClicks(dialog.skill, "dbt")
    assert not dialog.error.isVisible()
    dialog.accept()
    assert dialog.result() == SkillDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_goals_are_edited_in_settings(qtbot: QtBot, ctx: AppContext) -> None:
    panel, goals = _panel_and_goals(qtbot, ctx)
    assert {n: s.value() for n, s in goals.spins.items()} == {
        "applications": 2,
        "networking": 1,
        "skills": 1,
    }
    with qtbot.waitSignal(ctx.data_changed):
        goals.spins["applications"].setValue(3)
    assert targets(ctx.database())["applications"] == 3
    assert panel.cards["applications"].count.text() == "0 / 3"
    goals.spins["networking"].setValue(0)
    assert panel.cards["networking"].title.text() == "Networking touches today (no goal set)"
    assert panel.cards["networking"].streak.text() == ""


def test_deleting_a_skill_asks_first(qtbot: QtBot, ctx: AppContext, no_windows: None) -> None:
    log_skill(ctx.database(), "Terraform modules", on="2026-03-02")
    goals = GoalsSection(ctx)
    qtbot.addWidget(goals)
    goals.load()
    goals.skills.setCurrentRow(0)
    goals.delete_selected()  # without windows the answer is no
    assert goals.skills.count() == 1


def test_the_panel_is_on_the_today_page(window: MainWindow) -> None:
    page = window.show_page("today")
    assert isinstance(page, TodayPage)
    assert page.habits.isVisible()
    assert page.habits.cards["applications"].count.text() == "0 / 2"
