"""Daily habits, goals and streaks, and the Today summary of what is due."""
