"""The Contacts page: the list, the detail pane, timeline, bulk actions, import and export."""
