"""The links between pages: an action on one page that continues on another.

Pages know nothing of each other; each exposes request signals (``write_message_requested``)
and entry points (``compose_for_contact``, ``open_with_job``), and this module joins them when a
page is built.
"""

from __future__ import annotations

from typing import Protocol, TypeVar, cast

from profile_helper.gui.pages.base import Page
from profile_helper.gui.pages.contacts import ContactsPage
from profile_helper.gui.pages.messages import MessagesPage

P = TypeVar("P", bound=Page)


class Navigator(Protocol):
    def show_page(self, key: str) -> Page: ...


def _open(window: Navigator, key: str, kind: type[P]) -> P:
    return cast(P, window.show_page(key))


def link(page: Page, window: Navigator) -> None:
    """Connect the page's requests to the pages that fulfil them."""
    if isinstance(page, ContactsPage):
        page.write_message_requested.connect(
            lambda contact_id: _open(window, "messages", MessagesPage).compose_for_contact(
                contact_id
            )
        )
