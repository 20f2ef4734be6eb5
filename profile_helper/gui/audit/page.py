"""The Audit page: paste a profile (and a job), see what to fix, live as you type.

Editors on the left with counters against LinkedIn's limits; the score, findings, job keywords
and saved audits on the right. The audit runs off the GUI thread after a short pause in typing;
YAKE (slow to import) is loaded in the background after the page is first shown.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.audit.highlights import Highlight, highlights
from profile_helper.core.audit.history import SavedAudit, check_name
from profile_helper.core.audit.profile import Finding
from profile_helper.core.audit.run import AuditResult, audit
from profile_helper.core.errors import InputError, ProfileHelperError
from profile_helper.core.my_profile.for_audit import StoredProfile
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.gui.audit.history import HistoryPanel
from profile_helper.gui.audit.inputs import ProfileInputs
from profile_helper.gui.audit.my_profile import MyProfileLink
from profile_helper.gui.audit.results import FindingsView, KeywordModel, ScoreCard
from profile_helper.gui.audit.rewrites import RewritesPanel, replace_undoably
from profile_helper.gui.audit.saved import SavedAudits
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.background import BackgroundOp
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.common.widgets import EmptyState

Outcome = tuple["AuditResult", dict[str, list["Highlight"]]]


def _run(texts: tuple[str, str, str, str], target_role: str, stored: StoredProfile) -> Outcome:
    headline, about, skills, job = texts
    result = audit(
        headline,
        about,
        skills,
        job,
        target_role=target_role,
        positions=stored.profile.positions,
        certifications=stored.certifications,
        endorsements=stored.endorsements,
    )
    return result, highlights(result)


def _warm_up() -> None:
    # Importing YAKE takes about a third of a second (numpy, networkx): do it before it is needed.
    import yake  # noqa: F401, PLC0415 - heavy (numpy, networkx): loaded in the background


class AuditPage(Page):
    key = "audit"

    # Pause in typing before the audit runs again; tests set it to 0.
    DEBOUNCE_MS: ClassVar[int] = 350
    # Pause in typing before the draft is written to the database; tests set it to 0.
    DRAFT_SAVE_MS: ClassVar[int] = 1000
    DRAFT_KEY: ClassVar[str] = "audit.draft"
    """The setting that keeps the texts being worked on across restarts."""
    WARM_UP_DELAY_MS: ClassVar[int] = 1500

    audit_finished = Signal(object)  # AuditResult, or None when the input was refused

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.result: AuditResult | None = None
        self._op: BackgroundOp[Outcome] | None = None
        self._pending = False
        self._warmed = False
        self._draft_read = False
        self._draft_dirty = False
        # The person's target role (a setting), read when the page is shown.
        self.target_role = ""
        self.my_profile = MyProfileLink(ctx, self)

        self.inputs_panel = ProfileInputs()
        self.headline = self.inputs_panel.headline
        self.about = self.inputs_panel.about
        self.skills = self.inputs_panel.skills
        self.job = self.inputs_panel.job
        self.editors = {"headline": self.headline, "about": self.about, "skills": self.skills}
        self.score_card = ScoreCard()
        self.message = QLabel("Paste your headline, About and skills to see the audit.")
        self.message.setObjectName("Muted")
        self.message.setWordWrap(True)
        self._build_keyword_table()
        self._build_tabs()
        self._build_splitter()
        self._build_header()
        self._connect(ctx)

    # -- building -------------------------------------------------------------------------
    def _build_keyword_table(self) -> None:
        self.keyword_model = KeywordModel(self)
        self.keyword_table = QTableView()
        self.keyword_table.setModel(self.keyword_model)
        self.keyword_table.setAccessibleName("Job keywords")
        self.keyword_table.verticalHeader().hide()
        self.keyword_table.setAlternatingRowColors(True)
        self.keyword_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.keyword_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(KeywordModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # "Asked as" holds two lines; rows grow to fit them and any wrapped keyword.
        self.keyword_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

    def _build_tabs(self) -> None:
        """Findings, rewrites, job keywords and saved audits, under the score."""
        self.findings = FindingsView()
        self.history = HistoryPanel()
        self.empty = EmptyState(
            "Paste your profile to audit it",
            "Your headline, About and skills from LinkedIn, and the job ad you aim for. The "
            "findings appear here as you type; nothing leaves this computer.",
        )
        self.findings_stack = QStackedWidget()
        self.findings_stack.addWidget(self.empty)
        self.findings_stack.addWidget(self.findings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings_stack, "Findings")
        # The rewrites (and their module) are built when their tab is first opened.
        self._rewrites: RewritesPanel | None = None
        self.rewrites_tab = QWidget()
        QVBoxLayout(self.rewrites_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.rewrites_tab, "Rewrites")
        self.tabs.setTabToolTip(1, "Headlines, an About outline and skills built on the job")
        self.tabs.addTab(self.keyword_table, "Job keywords")
        self.tabs.addTab(self.history, "Saved audits")
        # Every tab's name stays in view: the panel is kept as wide as the row of tabs, rather
        # than hiding the last ones behind scroll arrows in a narrow window.
        self.tabs.setUsesScrollButtons(False)

    def _build_splitter(self) -> None:
        """The editors on the left, the score and the tabs on the right."""
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.score_card)
        right_layout.addWidget(self.my_profile.panel)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.inputs_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 480])
        self.body.addWidget(self.splitter, 1)

    def _build_header(self) -> None:
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Empty every field (the saved audits stay)")
        self.header.add_action(self.my_profile.load_button)
        self.my_profile.load_button.clicked.connect(self.load_my_profile)
        self.header.add_action(self.clear_button)
        self.clear_button.clicked.connect(self._clear)

    def _connect(self, ctx: AppContext) -> None:
        """Typing schedules the audit; the saved audits and the shortcuts."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_now)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.timeout.connect(self.save_draft)
        for editor in self.inputs_panel.all():
            editor.changed.connect(self._schedule)
            editor.changed.connect(self._draft_changed)
        self.findings.finding_activated.connect(self.select_finding)
        self.saved = SavedAudits(ctx, self.history, self)
        self._save_after: str | None = None
        self.history.save_requested.connect(self.save_audit)
        self.saved.restored.connect(self._restore)
        self.saved.status.connect(self.status_message)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_shortcut).setWhatsThis(
            "Save this audit"
        )
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run_now).setWhatsThis("Run the audit now")
        # The database is opened only when the saved audits are first looked at.
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.my_profile.changed.connect(self._stored_profile_changed)
        self.my_profile.status.connect(self.status_message)

    # -- running the audit -------------------------------------------------------------------

    def page_shown(self) -> None:
        # Once the page has painted: the setting may need the database opened first.
        QTimer.singleShot(0, self, self._read_target_role)
        QTimer.singleShot(0, self, self.my_profile.refresh)
        if not self._draft_read:
            QTimer.singleShot(0, self, self.restore_draft)
        if not self._warmed:
            self._warmed = True
            # Well after the page has painted, while the person reads or pastes: load YAKE in
            # the background, never on the way to the first paint.
            QTimer.singleShot(self.WARM_UP_DELAY_MS, self, self._start_warm_up)

    # -- the draft kept across restarts ---------------------------------------------------------

    def restore_draft(self) -> None:
        """Put back the texts of the last session, unless the person has typed already."""
        if self._draft_read:
            return
        self._draft_read = True
        try:
            draft = get_setting(self.ctx.database(), self.DRAFT_KEY, {})
        except ProfileHelperError:
            return  # the page works without it; the Settings page reports the database
        if not isinstance(draft, dict) or any(t.strip() for t in self.inputs()):
            return
        for name, editor in (*self.editors.items(), ("job", self.job)):
            text = draft.get(name)
            if isinstance(text, str) and text:
                editor.set_text(text)
        self._draft_dirty = False
        self.draft_timer.stop()

    def _draft_changed(self) -> None:
        self._draft_dirty = True
        self.draft_timer.start(self.DRAFT_SAVE_MS)

    def save_draft(self) -> None:
        """Write the texts now if they changed since last written (typing pauses, leaving)."""
        self.draft_timer.stop()
        if not self._draft_dirty:
            return
        headline, about, skills, job = self.inputs()
        draft = {"headline": headline, "about": about, "skills": skills, "job": job}
        try:
            set_setting(self.ctx.database(), self.DRAFT_KEY, draft)
        except ProfileHelperError as exc:
            self.status_message.emit(f"The audit draft was not saved: {exc.message}")
            return
        self._draft_dirty = False

    def can_leave(self) -> bool:
        self.save_draft()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)

    def _read_target_role(self) -> None:
        try:
            role = get_setting(self.ctx.database(), "profile.target_role")
        except ProfileHelperError:
            # The audit works without it; the Settings page reports a database problem.
            role = ""
        role = role.strip() if isinstance(role, str) else ""
        if role != self.target_role:
            self.target_role = role
            if any(text.strip() for text in self.inputs()):
                self.run_now()

    @property
    def rewrites(self) -> RewritesPanel:
        """The suggested rewrites, built on first use and showing the audit so far."""
        return self._build_rewrites()

    def _build_rewrites(self) -> RewritesPanel:
        if self._rewrites is None:
            self._rewrites = RewritesPanel()
            self._rewrites.use_requested.connect(self.use_rewrite)
            self._rewrites.show_result(self.result)
            layout = self.rewrites_tab.layout()
            assert layout is not None
            layout.addWidget(self._rewrites)
            self._rewrites.show()  # at once, not after the next event loop pass
        return self._rewrites

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.rewrites_tab:
            self._build_rewrites()
        if self.tabs.currentWidget() is self.history and not self.saved.loaded:
            self.saved.refresh()

    def _start_warm_up(self) -> None:
        # A plain daemon thread: nothing to report back, and nothing to outlive if the window
        # closes while the import is still running.
        threading.Thread(target=_warm_up, name="yake-warm-up", daemon=True).start()

    def _schedule(self) -> None:
        self.timer.start(self.DEBOUNCE_MS)

    def inputs(self) -> tuple[str, str, str, str]:
        return (self.headline.text(), self.about.text(), self.skills.text(), self.job.text())

    def run_now(self) -> None:
        """Audit the current texts now (or as soon as the audit already running ends)."""
        self.timer.stop()
        if self._op is not None and self._op.running:
            self._pending = True
            return
        texts = self.inputs()
        role = self.target_role
        stored = self.my_profile.stored
        if not any(t.strip() for t in texts[:3]) and not texts[3].strip():
            self._show(None)
            self.message.setText("Paste your headline, About and skills to see the audit.")
            self.audit_finished.emit(None)
            return
        self._pending = False
        self.message.setText("Checking…")
        self._op = BackgroundOp(
            lambda _progress: _run(texts, role, stored),
            self._on_result,
            on_failure=self._on_failure,
        )
        self._op.signals.finished.connect(self._after_run)
        self._op.start()

    def _after_run(self) -> None:
        if self._pending:
            self.run_now()

    def _on_result(self, outcome: Outcome) -> None:
        result, spans = outcome
        self._show(result)
        for name, editor in self.editors.items():
            # Spans only fit the text they were computed on; newer text gets the next run's.
            if editor.text() == result.profile.section_text(name):
                editor.editor.highlighter.set_spans(spans[name])
        count = len(result.findings)
        self.message.setText(
            f"{count} finding{'s' if count != 1 else ''}. Click one to select its text."
            if count
            else "Nothing to fix: this profile follows every rule."
        )
        if self._save_after is not None and self.up_to_date_result() is result:
            name, self._save_after = self._save_after, None
            self.saved.save(name, result)
        self.audit_finished.emit(result)

    def _on_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, ProfileHelperError):
            raise exc
        self.message.setText(f"<span style='color:{theme.current().bad}'>{exc.message}</span>")
        if self._save_after is not None:
            self._save_after = None
            self.history.show_error(f"Not saved: {exc.message}")
        self.audit_finished.emit(None)

    def _show(self, result: AuditResult | None) -> None:
        self.result = result
        if result is None:
            self.my_profile.show_for("", "", [])
        else:
            self.my_profile.show_for(
                result.profile.headline, result.profile.about, result.skills_list
            )
            result.extras["completeness"] = self.my_profile.panel.completeness_json()
        self.findings_stack.setCurrentWidget(self.empty if result is None else self.findings)
        self.score_card.show_result(result)
        self.findings.show_result(result)
        self.keyword_model.set_result(result)
        if self._rewrites is not None:
            self._rewrites.show_result(result)
        if result is None:
            for editor in self.editors.values():
                editor.editor.highlighter.set_spans([])

    def select_finding(self, finding: Finding) -> None:
        """Select the text a finding is about in its editor (or show the keyword table)."""
        if finding.section == "match":
            self.tabs.setCurrentWidget(self.keyword_table)
            return
        editor = self.editors.get(finding.section)
        if editor is None:
            return
        if finding.span is None:
            editor.editor.setFocus()
            return
        editor.editor.select_span(*finding.span)

    def use_rewrite(self, section: str, text: str) -> None:
        """Put a suggestion into its editor as one edit that Ctrl+Z there undoes."""
        editor = self.editors[section]
        replace_undoably(editor.editor, text)
        editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        names = {"headline": "Headline", "about": "About", "skills": "Skills"}
        self.status_message.emit(
            f"{names[section]} replaced with the suggestion. Ctrl+Z in the editor undoes it."
        )

    def _stored_profile_changed(self) -> None:
        if any(text.strip() for text in self.inputs()):
            self.run_now()
        else:
            self.my_profile.show_for("", "", [])

    def load_my_profile(self) -> None:
        """Fill the headline, About and skills from the imported profile, asking before
        replacing what the person has typed."""
        self.my_profile.refresh()
        profile = self.my_profile.stored.profile
        loaded = {
            "headline": profile.headline,
            "about": profile.about,
            "skills": "\n".join(s.name for s in profile.skills),
        }
        replaced = [
            name
            for name, text in loaded.items()
            if text.strip() and self.editors[name].text().strip() not in ("", text.strip())
        ]
        if replaced and not msgbox.confirm(
            self,
            "Load my LinkedIn profile",
            f"Replace your {', '.join(replaced)} with the imported one? Ctrl+Z in each field "
            "undoes it.",
            "Replace",
        ):
            return
        for name, text in loaded.items():
            if text.strip():
                replace_undoably(self.editors[name].editor, text)
        self.status_message.emit("Your imported LinkedIn profile is loaded.")
        self.run_now()

    def open_with_job(self, text: str) -> None:
        """Fill the job description (from an application, say) and audit against it."""
        self.job.set_text(text)
        self.run_now()

    def _clear(self) -> None:
        if any(t.strip() for t in self.inputs()) and not msgbox.confirm(
            self,
            "Clear the audit",
            "Empty the headline, About, skills and job fields? Saved audits are kept.",
            "Clear",
        ):
            return
        for editor in (self.headline, self.about, self.skills, self.job):
            editor.set_text("")
        self.run_now()

    # -- saved audits ------------------------------------------------------------------------

    def up_to_date_result(self) -> AuditResult | None:
        """The audit shown, if it is the audit of the texts now in the editors."""
        result = self.result
        if result is not None and self.inputs() == (
            result.profile.headline,
            result.profile.about,
            result.profile.skills_text,
            result.profile.job,
        ):
            return result
        return None

    def save_audit(self, name: str) -> None:
        """Save the audit of the current texts, once it has run, under ``name``."""
        try:
            check_name(name)
        except InputError as exc:
            self.history.show_error(exc.message)
            self.history.name_edit.setFocus()
            return
        if not any(text.strip() for text in self.inputs()):
            self.history.show_error("Paste your profile before saving an audit of it.")
            return
        result = self.up_to_date_result()
        if result is not None:
            self.saved.save(name, result)
            return
        # The texts changed since the last audit: save when the audit of them is in.
        self._save_after = name
        self.run_now()

    def _save_shortcut(self) -> None:
        self.tabs.setCurrentWidget(self.history)
        if self.history.name_edit.text().strip():
            self.save_audit(self.history.name_edit.text())
        else:
            self.history.name_edit.setFocus()

    def _restore(self, saved: SavedAudit) -> None:
        self.headline.set_text(saved.headline)
        self.about.set_text(saved.about)
        self.skills.set_text(saved.skills)
        self.job.set_text(saved.job)
        self.run_now()
        self.tabs.setCurrentWidget(self.findings_stack)
