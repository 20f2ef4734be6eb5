"""The Audit page: editors with live counters, results, keywords, rewrites and saved audits."""
