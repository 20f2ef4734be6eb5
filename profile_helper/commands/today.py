"""``profile-helper today``: what is due today, and today's progress against the daily goals."""

from __future__ import annotations

import argparse
from typing import Any

from profile_helper.commands.context import CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "today", help="follow-ups due today, and progress on your daily goals and streaks"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=_today)


def _today(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.today.habits import WEEKLY, local_today
    from profile_helper.core.today.summary import summary

    data = summary(ctx.database(), local_today())
    if args.format == "json":
        print_json(data, ctx.out)
        return 0
    out = ctx.out
    out.write(f"Today, {data['date']}\n\nDue\n")
    if not data["follow_ups"]:
        out.write("  nothing is due\n")
    for item in data["follow_ups"]:
        late = " (overdue)" if item["due"] < data["date"] else ""
        who = f" {item['contact_name']}" if item["contact_name"] else ""
        out.write(f"  #{item['id']} {item['due']}{late}{who}: {item['reason']}\n")
    out.write("\nGoals\n")
    for goal in data["goals"]:
        per = "this week" if goal["name"] in WEEKLY else "today"
        mark = "done" if goal["target"] and goal["done"] >= goal["target"] else "to do"
        out.write(f"  {goal['name']}: {goal['done']}/{goal['target']} {per} ({mark})\n")
    if data["streaks"]:
        out.write("\nStreaks\n")
        for name, streak in data["streaks"].items():
            current, best, unit = streak["current"], streak["best"], streak["unit"]
            out.write(f"  {name}: {_count(current, unit)} (best {_count(best, unit)})\n")
    return 0


def _count(number: int, unit: str) -> str:
    """ "1 day", "2 days", "0 weeks": ``unit`` is the plural the streaks give."""
    return f"{number} {unit.removesuffix('s')}" if number == 1 else f"{number} {unit}"
