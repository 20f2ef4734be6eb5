"""Templates: one live-preview render (sandbox, compile, placeholders) and rewrite suggestions.

The Messages page renders again on every keystroke, so a render must stay well inside one frame
(16 ms). The baseline is the same template already compiled by a plain Jinja environment: what
the sandbox, the compile per render and the channel bookkeeping cost on top.
"""

from __future__ import annotations

from jinja2 import Environment

from profile_helper.core.audit.rewrites.suggestions import suggest_rewrites
from profile_helper.core.templates.catalog import load_template
from profile_helper.core.templates.context import build_context
from profile_helper.core.templates.render import render_draft
from tests.benchmarks.harness import Result, median_seconds

CONTACT = {"full_name": "Александра Петрова", "company": "Northwind Analytics"}
PROFILE = {"name": "Jane Doe", "target_role": "Data Engineer", "pitch": "I build pipelines."}
ABOUT = (
    "I'm a backend engineer who likes hard data problems. I build APIs in Python and Django "
    "for logistics teams. I cut AWS costs by 38% and reduced p95 latency from 900 ms to 120 ms. "
    "Feel free to reach out about data platforms. "
) * 4


def run(runs: int = 200) -> list[Result]:
    info = load_template("feedback_request", None)
    extra = {"job.title": "Senior Data Engineer"}
    plain = Environment().from_string(info.text)
    context = build_context(CONTACT, PROFILE, None, extra)

    render_draft(info, CONTACT, PROFILE, extra)  # warm up: jinja2 import, limits.json
    preview = median_seconds(lambda: render_draft(info, CONTACT, PROFILE, extra), runs)
    bare = median_seconds(lambda: plain.render(context), runs)
    missing = median_seconds(lambda: render_draft(info, CONTACT, PROFILE, {}), runs)

    def rewrites() -> object:
        return suggest_rewrites(
            "Backend Engineer | Python",
            ABOUT,
            ["python", "JS", "k8s", "SQL"] * 10,
            ["Kubernetes", "Python", "Kafka", "PostgreSQL", "Terraform"],
            ["Kafka", "PostgreSQL", "Terraform"],
            "Senior Data Engineer",
        )

    rewrite = median_seconds(rewrites, max(20, runs // 4))
    return [
        Result(
            "templates: live-preview render (feedback_request)",
            preview * 1000,
            "ms",
            bare * 1000,
            "precompiled plain Jinja",
            "<= 5 ms",
            preview <= 0.005,
            f"{runs} runs",
        ),
        Result(
            "templates: render with a missing variable (retry)",
            missing * 1000,
            "ms",
            preview * 1000,
            "render with all given",
            "<= 10 ms",
            missing <= 0.010,
            f"{runs} runs",
        ),
        Result(
            "templates: rewrite suggestions",
            rewrite * 1000,
            "ms",
            None,
            "",
            "<= 50 ms",
            rewrite <= 0.050,
            "3 formulas + About outline + 40 skills",
        ),
    ]
