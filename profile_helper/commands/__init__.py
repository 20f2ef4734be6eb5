"""The CLI's subcommands, one module per command group.

Each module named in :data:`COMMAND_MODULES` has ``register(subparsers)``, which adds its parser
and sets ``handler`` to a function ``(args, ctx) -> int``. Modules import only what parsing
needs; the work's heavy imports happen inside the handlers.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "audit",
    "contacts",
    "followups",
    "templates",
    "message",
    "profile",
    "doctor",
    "backup",
    "security",
    "applications",
    "today",
    "imports",
)
