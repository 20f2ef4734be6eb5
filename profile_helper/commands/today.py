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
        out.write(f"  #{item['id']} {item['due']}{late}: {item['reason']}\n")
    out.write("\nGoals\n")
    for goal in data["goals"]:
        per = "this week" if goal["name"] in WEEKLY else "today"
        mark = "done" if goal["target"] and goal["done"] >= goal["target"] else "to do"
        out.write(f"  {goal['name']}: {goal['done']}/{goal['target']} {per} ({mark})\n")
    if data["streaks"]:
        out.write("\nStreaks\n")
        for name, streak in data["streaks"].items():
            out.write(f"  {name}: {streak['current']} {streak['unit']} (best {streak['best']})\n")
    return 0
