"""The profile audit: keyword extraction, rule checks, scoring and job matching."""
