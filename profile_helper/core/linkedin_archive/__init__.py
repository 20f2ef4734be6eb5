"""LinkedIn's whole data export ("Get a copy of your data"): the ZIP, its folder or one CSV of it,
read safely and streamed into the profile, contacts, timeline and applications."""
