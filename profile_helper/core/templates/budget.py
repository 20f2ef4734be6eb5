"""What a template may cost: at most 100,000 characters of any text and 1 second of CPU.

Every operation a template can use to make text grow (``*``, ``+``, ``%``, ``~``, the string
methods and filters that pad, repeat or join) is checked *before* it allocates, against an
estimate of its result; every result is checked after. So no string a template makes is ever
longer than :data:`MAX_CHARS` (plus one step), and memory stays bounded. Loops are bounded by
time: a tracer on the template's own frames stops the render after :data:`MAX_CPU_SECONDS`.
"""

from __future__ import annotations

import re
import string
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

MAX_CHARS = 100_000
"""The longest text (or list) a template may make, and so the longest it may produce."""
MAX_CPU_SECONDS = 1.0
# An integer result no larger than this many bits (about 300,000 digits) is cheap to compute.
_MAX_INT_BITS = 1_000_000
_DIGITS = re.compile(r"\d+")


class BudgetError(Exception):
    """A template went over its budget; the message says which and is shown to the person."""


def _too_long(what: str) -> BudgetError:
    return BudgetError(f"{what} would be longer than {MAX_CHARS:,} characters")


def check_size(value: Any, what: str = "the text") -> Any:
    """``value`` itself when it is within :data:`MAX_CHARS`, else a :class:`BudgetError`."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_CHARS:
        raise _too_long(what)
    return value


def _require(estimate: int, what: str) -> None:
    if estimate > MAX_CHARS:
        raise _too_long(what)


def text_weight(value: Any, limit: int = MAX_CHARS) -> int:
    """About how long ``str(value)`` is, counted without making it; stops soon after ``limit``.

    A list holding the same long list many times is small in memory but enormous as text;
    this is what stops ``{{ [s, s, s] }}`` from turning into gigabytes. Shared parts are
    measured once and counted at each place they appear.
    """
    known: dict[int, int] = {}

    def weigh(item: Any, budget: int) -> int:
        if isinstance(item, str):
            return len(item)
        if isinstance(item, bool) or item is None:
            return 5
        if isinstance(item, int):
            return abs(item).bit_length() * 30 // 100 + 2
        if isinstance(item, float):
            return 24
        if isinstance(item, list | tuple | set | frozenset | dict):
            cached = known.get(id(item))
            if cached is not None:
                return cached
            parts = [p for pair in item.items() for p in pair] if isinstance(item, dict) else item
            total = 2
            for part in parts:
                total += weigh(part, budget - total) + 2
                if total > budget:
                    return total  # over: the exact figure no longer matters
            known[id(item)] = total
            return total
        return len(str(item))

    return weigh(value, limit)


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str) else text_weight(value)


def finalize(value: Any) -> Any:
    """What ``{{ ... }}`` prints, measured before it becomes text."""
    if not isinstance(value, str) and text_weight(value) > MAX_CHARS:
        raise _too_long("printing this value")
    return value


def _check_numbers(args: Iterable[Any], what: str) -> None:
    """No width, count or length argument beyond :data:`MAX_CHARS`."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_CHARS:
            raise BudgetError(f"{what} is given the number {arg:,}, above the {MAX_CHARS:,} limit")


# --- operators ----------------------------------------------------------------------------------


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``*``, ``**``, ``+`` and ``%`` whose result would be too large to make."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(times, int):
                _require(len(seq) * max(times, 0), "repeating this text")
                _require(_length(seq) * max(times, 0), "repeating this list")
        ints = isinstance(left, int) and isinstance(right, int)
        if ints and abs(left).bit_length() + abs(right).bit_length() > _MAX_INT_BITS:
            raise BudgetError("a multiplication this large is not allowed")
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and (right > MAX_CHARS or abs(left).bit_length() * max(right, 0) > _MAX_INT_BITS)
        ):
            raise BudgetError("a power this large is not allowed")
    elif operator == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            _require(_length(left) + _length(right), "joining these")
    elif operator == "%" and isinstance(left, str):
        values = right if isinstance(right, tuple) else (right,)
        widths = [int(d) for d in _DIGITS.findall(left)] + [
            abs(v) for v in values if isinstance(v, int) and not isinstance(v, bool)
        ]
        if any(w > MAX_CHARS for w in widths):
            raise BudgetError(f"a width above {MAX_CHARS:,} is not allowed in % formatting")
        fields = left.count("%")
        _require(len(left) + fields * (max(widths, default=0) + _longest(values)), "% formatting")


def bounded_join(pieces: Iterable[Any]) -> str:
    """``a ~ b ~ c``: the pieces as text, refused before joining when the sum is too long."""
    items = list(pieces)
    _require(sum(map(_length, items)), "joining these with ~")
    texts = [p if isinstance(p, str) else str(p) for p in items]
    return "".join(texts)


# --- string methods -----------------------------------------------------------------------------


def _longest(values: Iterable[Any]) -> int:
    return max((_length(v) for v in values), default=0)


def _format_estimate(fmt: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """An upper bound of ``fmt.format(*args, **kwargs)``'s length, refusing huge widths."""
    values = (*args, *kwargs.values())
    _check_numbers(values, "format")
    longest = _longest(values)
    nested = max((abs(v) for v in values if isinstance(v, int)), default=0)
    total = len(fmt)
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        return total  # str.format will raise its own error
    for _literal, field, spec, _conversion in parsed:
        if field is None:
            continue
        widths = [int(d) for d in _DIGITS.findall(spec or "")]
        if any(w > MAX_CHARS for w in widths):
            raise BudgetError(f"a width above {MAX_CHARS:,} is not allowed in format")
        width = max(widths, default=0)
        if spec and "{" in spec:
            width = max(width, nested)
        total += width + longest
    return total


def _replace_estimate(text: str, old: str, new: str, count: int = -1) -> int:
    found = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _join_estimate(sep: str, items: list[Any]) -> int:
    return sum(_length(i) for i in items) + len(sep) * max(len(items) - 1, 0)


def check_str_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a ``str`` method whose result would be too long; returns ``args``.

    ``join`` gets its iterable made into a list first (returned in ``args``), so that a
    generator is measured and then used, not used up by the measuring.
    """
    # The sandbox hands out str.format wrapped (functools.update_wrapper keeps the original).
    method = getattr(method, "__wrapped__", method)
    text = getattr(method, "__self__", None)
    if not isinstance(text, str):
        return args
    name = getattr(method, "__name__", "")
    what = f"str.{name}"
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_numbers((*args, *kwargs.values()), what)
    elif name == "expandtabs":
        _check_numbers((*args, *kwargs.values()), what)
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            _require(len(text) + text.count("\t") * size, what)
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        _require(_replace_estimate(text, args[0], args[1], count), what)
    elif name == "join" and args:
        items = list(args[0])
        _require(_join_estimate(text, items), what)
        return (items, *args[1:])
    elif name in ("format", "format_map"):
        values = kwargs if name == "format" else dict(args[0]) if args else {}
        _require(_format_estimate(text, args if name == "format" else (), values), what)
    elif name in ("translate", "maketrans"):
        raise BudgetError(f"{what} is not available in a message template")
    return args


# --- filters ------------------------------------------------------------------------------------


def _indent_estimate(text: Any, width: Any = 4, *_args: Any, **_kwargs: Any) -> int:
    prefix: int = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    shown = str(text)
    return len(shown) + (shown.count("\n") + 1) * max(prefix, 0)


def _wordwrap_estimate(text: Any, width: Any = 79, *args: Any, **kwargs: Any) -> int:
    wrap = kwargs.get("wrapstring", args[1] if len(args) > 1 else None) or "\n"
    text = str(text)
    every = max(width, 1) if isinstance(width, int) else 1
    return len(text) + (len(text) // every + 1) * len(str(wrap))


def _truncate_estimate(text: Any, *args: Any, **kwargs: Any) -> int:
    end = kwargs.get("end", args[2] if len(args) > 2 else "...")
    return len(str(text)) + len(str(end))


def _replace_filter_estimate(
    _eval_ctx: Any, text: Any, old: Any, new: Any, count: Any = None
) -> int:
    return _replace_estimate(str(text), str(old), str(new), -1 if count is None else count)


def _join_filter_estimate(_eval_ctx: Any, value: Any, d: Any = "", *_: Any, **__: Any) -> int:
    items = list(value) if isinstance(value, list | tuple | str) else []
    return _join_estimate(str(d), items)


def _tojson_estimate(_env: Any, value: Any, indent: Any = None) -> int:
    if isinstance(indent, int) and indent > 16:
        raise BudgetError("tojson's indent is limited to 16")
    return 0


# Filters that can make a result much larger than their input, with an estimate of it made
# before they run. ``indent`` is the one that once asked for 19 GB.
_ESTIMATES: dict[str, Callable[..., int]] = {
    "indent": _indent_estimate,
    "center": lambda _text, width=80, *_a, **_k: width if isinstance(width, int) else 0,
    "wordwrap": lambda _env, *args, **kwargs: _wordwrap_estimate(*args, **kwargs),
    "truncate": lambda _env, *args, **kwargs: _truncate_estimate(*args, **kwargs),
    "replace": _replace_filter_estimate,
    "join": _join_filter_estimate,
    "tojson": _tojson_estimate,
}


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its numbers checked, its result estimated first and measured after."""
    estimate = _ESTIMATES.get(name)
    what = f"the filter '{name}'"

    # The value filtered comes after the context or environment Jinja passes first to some.
    skip = 2 if getattr(function, "jinja_pass_arg", None) is not None else 1

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_numbers((*args[skip:], *kwargs.values()), what)
        if len(args) >= skip:
            _require(_length(args[skip - 1]), what)
        if estimate is not None:
            _require(estimate(*args, **kwargs), what)
        return check_size(function(*args, **kwargs), what)

    # Jinja passes the context or environment by the markers its decorators set.
    if hasattr(function, "jinja_pass_arg"):
        bounded.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    bounded.__name__ = getattr(function, "__name__", name)
    return bounded


# --- time ---------------------------------------------------------------------------------------


@contextmanager
def cpu_budget(filename: str, seconds: float = MAX_CPU_SECONDS) -> Iterator[None]:
    """Stop code compiled from ``filename`` once this thread has used ``seconds`` of CPU.

    A tracer follows only the template's own frames (a loop's every turn is a line event there),
    looking at the clock every few hundred lines; other code runs untraced.
    """
    clock = time.thread_time
    deadline = clock() + seconds
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        if count & 0xFF == 0 and clock() > deadline:
            raise BudgetError(f"rendering took more than {seconds:g} second of CPU")
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename == filename:
            return local(frame, event, arg)
        return None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield
    finally:
        sys.settrace(previous)
