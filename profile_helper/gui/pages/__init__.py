"""The pages of the main window, one module each, in sidebar order.

Each module ``profile_helper.gui.pages.<key>`` defines one :class:`~.base.Page` subclass named
in :data:`PAGES`. Page modules import only Qt and light core code, so that loading them costs
little on the way to the first window.
"""

PAGES: tuple[tuple[str, str], ...] = (
    ("today", "TodayPage"),
    ("audit", "AuditPage"),
    ("contacts", "ContactsPage"),
    ("applications", "ApplicationsPage"),
    ("messages", "MessagesPage"),
    ("settings", "SettingsPage"),
)
