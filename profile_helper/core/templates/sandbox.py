"""Rendering a template's text in a Jinja sandbox, with errors that name the file and the line.

A template a person writes can never reach Python internals, the file system or a formatting
trick: the environment is Jinja's immutable sandbox with the risky globals and filters removed,
and every missing variable is an error naming it, never a silent blank. Jinja is imported here,
inside the functions, so that nothing on the way to the first window pays for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import TracebackType
from typing import Any

from profile_helper.core.errors import InputError
from profile_helper.core.templates.budget import (
    MAX_CHARS,
    BudgetError,
    bounded_filter,
    bounded_join,
    check_binop,
    check_size,
    check_str_method,
    cpu_budget,
    finalize,
)

# Globals a sandboxed template does not need and that attack payloads reach for.
_REMOVED_GLOBALS = ("cycler", "joiner", "lipsum", "namespace", "dict", "range")
# ``format`` is %-formatting on strings the template controls; ``attr`` walks attributes by a
# computed name; ``map``/``selectattr`` can call attribute lookups by string. None are needed.
_REMOVED_FILTERS = ("format", "attr", "map", "selectattr", "rejectattr", "xmlattr")
# The longest text a template may produce: far above any channel's limit, far below trouble.
MAX_OUTPUT_CHARS = MAX_CHARS


class TemplateError(InputError):
    """A template cannot be rendered: bad syntax, a missing variable or a forbidden access.

    ``file`` and ``line`` say where (``line`` is 0 when it is not known); the message already
    contains both, so that one line on stderr or in a dialog says everything.
    """

    def __init__(self, problem: str, file: str, line: int = 0) -> None:
        self.problem = problem
        self.file = file
        self.line = line
        where = f"{file}, line {line}" if line else file
        super().__init__(f"{where}: {problem}")


class MissingVariableError(TemplateError):
    """A variable the template uses has no value; ``variable`` is its name."""

    def __init__(self, variable: str, file: str, line: int = 0) -> None:
        self.variable = variable
        super().__init__(
            f"the variable '{variable}' has no value (give it, e.g. --set {variable}=...)",
            file,
            line,
        )


class UnsafeTemplateError(TemplateError):
    """The template tried to reach something a message template may not touch."""


class Namespace(dict[str, Any]):
    """A dict of variables that knows its dotted name, so that a missing key names its path."""

    def __init__(self, path: str, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        # A leading underscore: the sandbox refuses such attributes, so templates cannot see it.
        self._ph_path = path


class _MissingError(Exception):
    """Raised from inside Jinja by the undefined type, carrying the full name that was missing."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class _Compiled:
    template: Any
    filename: str


def _undefined_class() -> type:
    """Jinja's strict undefined, made to name what is missing by its full dotted path."""
    # Jinja is imported when the first template is rendered, never on the way to the window.
    from jinja2 import StrictUndefined, UndefinedError  # noqa: PLC0415
    from jinja2.exceptions import SecurityError  # noqa: PLC0415

    class _Undefined(StrictUndefined):
        def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
            # The sandbox answers an unsafe attribute with an undefined carrying SecurityError;
            # a private name that simply is not there is an attempt all the same.
            name = self._undefined_name or "?"
            if issubclass(self._undefined_exception, SecurityError) or name.startswith("_"):
                raise _UnsafeError(f"the attribute '{name}' cannot be used")
            owner = self._undefined_obj
            if isinstance(owner, Namespace):
                name = f"{owner._ph_path}.{name}"
            raise _MissingError(name)

        def __getattr__(self, name: str) -> Any:
            # ``job.title`` with no ``job`` at all is missing as "job.title", not as "job", so
            # that a form can ask for exactly that field.
            if name.startswith("_") or self._undefined_name is None:
                return super().__getattr__(name)
            if not issubclass(self._undefined_exception, UndefinedError) or self._undefined_hint:
                return super().__getattr__(name)
            owner = self._undefined_obj
            base = self._undefined_name
            if isinstance(owner, Namespace):
                base = f"{owner._ph_path}.{base}"
            return _Undefined(name=f"{base}.{name}")

        # StrictUndefined refuses these through _fail_with_undefined_error already; listing the
        # hooks again keeps them routed through our override on every Jinja version.
        __str__ = __iter__ = __len__ = __bool__ = _fail_with_undefined_error

    return _Undefined


def _environment_class() -> type:
    """Jinja's immutable sandbox, refusing products and powers too large to compute."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment  # noqa: PLC0415 - see above

    class _Environment(ImmutableSandboxedEnvironment):
        # ``{% set %}`` blocks, macros and ``caller()`` join their output with this.
        concat = staticmethod(bounded_join)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            # "a" * 10**9 would exhaust memory before any limit could be checked.
            check_binop(operator, left, right)
            return check_size(super().call_binop(context, operator, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            # Jinja's own signature: a keyword argument may be called "self" or "context".
            args = check_str_method(__obj, args, kwargs)
            return check_size(super().call(__context, __obj, *args, **kwargs))

    return _Environment


@cache
def _environment() -> Any:
    env = _environment_class()(
        undefined=_undefined_class(),
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.intercepted_binops = frozenset({"*", "**", "+", "%"})
    for name in _REMOVED_GLOBALS:
        env.globals.pop(name, None)
    for name in _REMOVED_FILTERS:
        env.filters.pop(name, None)
    env.filters = {name: bounded_filter(name, f) for name, f in env.filters.items()}
    return env


class _UnsafeError(Exception):
    """Raised from inside Jinja for an operation we refuse beyond what the sandbox refuses."""


def _line_in(tb: TracebackType | None, filename: str) -> int:
    """The template line of the innermost traceback frame that belongs to the template."""
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _translate(exc: BaseException, name: str, filename: str) -> TemplateError:
    """Turn whatever Jinja raised into a typed error with the file and line."""
    from jinja2 import TemplateSyntaxError, UndefinedError  # noqa: PLC0415 - loaded on first use
    from jinja2.exceptions import SecurityError  # noqa: PLC0415
    from jinja2.exceptions import TemplateError as JinjaError  # noqa: PLC0415

    line = _line_in(exc.__traceback__, filename)
    if isinstance(exc, TemplateError):
        return exc
    if isinstance(exc, _MissingError):
        return MissingVariableError(exc.name, name, line)
    if isinstance(exc, TemplateSyntaxError):
        return TemplateError(f"syntax error: {exc.message}", name, exc.lineno or line)
    if isinstance(exc, BudgetError):
        return UnsafeTemplateError(f"too costly to render: {exc}", name, line)
    if isinstance(exc, MemoryError | RecursionError):
        return UnsafeTemplateError("too costly to render: it needs too much memory", name, line)
    if isinstance(exc, SecurityError | _UnsafeError):
        # The sandbox's own wording names internal classes; say what a person can act on.
        reason = str(exc) if isinstance(exc, _UnsafeError) else "it reaches for Python internals"
        return UnsafeTemplateError(
            f"not allowed in a message template ({reason}); use plain variables such as "
            "{{ contact.first_name }}",
            name,
            line,
        )
    if isinstance(exc, UndefinedError):
        return TemplateError(f"missing value: {exc.message}", name, line)
    if isinstance(exc, JinjaError):
        return TemplateError(str(exc.message or exc), name, line)
    return TemplateError(f"cannot be rendered ({type(exc).__name__}: {exc})", name, line)


@lru_cache(maxsize=64)
def compile_source(source: str, name: str) -> _Compiled:
    """Compile a template's text; ``name`` (e.g. ``feedback_request.j2``) is used in errors.

    Cached by text: the live preview renders the same template on every keystroke.
    """
    from jinja2 import nodes  # noqa: PLC0415 - loaded on first use

    env = _environment()
    filename = f"<template {name}>"
    try:
        tree = env.parse(source, name=name, filename=filename)
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            raise UnsafeTemplateError(
                "a message template cannot include, import or extend other files",
                name,
                node.lineno,
            )
        code = env.compile(tree, name=name, filename=filename)
        template = env.template_class.from_code(env, code, env.make_globals(None))
        # ``a ~ b`` joins with this module-level name of the compiled template.
        template.root_render_func.__globals__["str_join"] = bounded_join
        template.root_render_func.__globals__["markup_join"] = bounded_join
    except Exception as exc:  # every failure becomes a typed TemplateError
        raise _translate(exc, name, filename) from None
    return _Compiled(template, filename)


def render_source(source: str, name: str, variables: Mapping[str, Any]) -> str:
    """Render a template's text with these variables, or raise a :class:`TemplateError`."""
    compiled = compile_source(source, name)
    pieces: list[str] = []
    size = 0
    try:
        with cpu_budget(compiled.filename):
            # Piece by piece, so that output past the limit stops the render at once.
            for piece in compiled.template.generate(dict(variables)):
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    raise UnsafeTemplateError(
                        f"the text is longer than {MAX_OUTPUT_CHARS:,} characters", name, 0
                    )
                pieces.append(piece)
    except Exception as exc:  # a template must never crash the app
        raise _translate(exc, name, compiled.filename) from None
    return "".join(pieces)


def variables_used(source: str, name: str) -> list[str]:
    """The variables a template reads, dotted where it reads a field (``contact.company``).

    Names the template sets itself (``{% set %}``, loop variables) are left out. Order is the
    order of first use, so that a form asks for them in reading order.
    """
    from jinja2 import meta, nodes  # noqa: PLC0415 - loaded on first use

    env = _environment()
    try:
        tree = env.parse(source, name=name)
    except Exception as exc:
        raise _translate(exc, name, f"<template {name}>") from None
    free = meta.find_undeclared_variables(tree)
    found: dict[str, tuple[int, int]] = {}

    def visit(node: nodes.Node) -> None:
        if isinstance(node, nodes.Getattr):
            owner = node.node
            if isinstance(owner, nodes.Name) and owner.name in free:
                found.setdefault(f"{owner.name}.{node.attr}", (node.lineno, len(found)))
                return
        if isinstance(node, nodes.Name) and node.name in free and node.ctx == "load":
            found.setdefault(node.name, (node.lineno, len(found)))
        for child in node.iter_child_nodes():
            visit(child)

    visit(tree)
    # A bare name that is also used with fields (``job`` and ``job.title``) is a namespace.
    prefixes = {key.split(".", 1)[0] for key in found if "." in key}
    names = [key for key in found if "." in key or key not in prefixes]
    return sorted(names, key=lambda key: found[key])
