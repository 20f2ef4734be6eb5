"""The Audit page's side of the person's stored LinkedIn profile.

It reads the stored profile (:func:`~profile_helper.core.my_profile.for_audit.read_stored`)
when the page is shown, keeps the "Load my LinkedIn profile" button in step with it, shows the
completeness of what is being audited, and stores the photo tick. The page asks it for the
stored positions, certifications and endorsements to audit with.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.my_profile.for_audit import StoredProfile, read_stored
from profile_helper.core.my_profile.models import HAS_PHOTO
from profile_helper.core.settings import set_setting
from profile_helper.gui.audit.completeness import CompletenessPanel
from profile_helper.gui.common.context import AppContext

LOAD_TIP = "Fill the headline, About and skills with the LinkedIn profile you imported"
NOTHING_TIP = (
    "Nothing imported yet. Get a copy of your data from LinkedIn (Settings & Privacy > Data "
    "privacy), then import the ZIP with 'profile-helper import linkedin-archive ZIP'."
)


class MyProfileLink(QObject):
    """The stored profile as the Audit page uses it, with its button and completeness panel."""

    # The stored profile read again is not the one the last audit used: audit again.
    changed = Signal()
    status = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = StoredProfile()
        self.load_button = QPushButton("Load my LinkedIn profile")
        self.load_button.setAccessibleName("Load my LinkedIn profile")
        self.panel = CompletenessPanel()
        self.panel.photo_changed.connect(self._photo_changed)
        self._show_button()

    @property
    def has_texts(self) -> bool:
        """True when a headline, About or skills are stored to load."""
        profile = self.stored.profile
        return bool(profile.headline.strip() or profile.about.strip() or profile.skills)

    def refresh(self) -> None:
        """Read the stored profile again (the page is shown; an import may have run)."""
        try:
            stored = read_stored(self.ctx.database())
        except ProfileHelperError:
            return  # the page works without it; the Settings page reports the database
        if stored != self.stored or self.panel.completeness is None:
            self.stored = stored
            self._show_button()
            self.changed.emit()

    def _show_button(self) -> None:
        self.load_button.setEnabled(self.has_texts)
        self.load_button.setToolTip(LOAD_TIP if self.has_texts else NOTHING_TIP)

    def show_for(self, headline: str, about: str, skills: list[str]) -> None:
        """Show the completeness of these texts, the stored profile filling in the rest."""
        self.panel.show_completeness(
            self.stored.completeness(headline=headline, about=about, skills=skills)
        )

    def _photo_changed(self, has_photo: bool) -> None:
        try:
            set_setting(self.ctx.database(), HAS_PHOTO, has_photo)
        except ProfileHelperError as exc:
            self.panel.set_photo(not has_photo)
            self.status.emit(f"The photo tick was not saved: {exc.message}")
            return
        self.stored = replace(self.stored, has_photo=has_photo)
        self.changed.emit()
