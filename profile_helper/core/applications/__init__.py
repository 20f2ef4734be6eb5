"""Job applications, their status timelines, and daily networking habits."""
