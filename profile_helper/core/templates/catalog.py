"""The templates there are: the built-ins in ``resources/templates/`` and the person's own.

A template is a file ``<id>.j2``. It may start with a metadata comment::

    {#
    title: Feedback request after a rejection
    category: After an interview
    channel: email
    description: Thank them, ask what to improve, keep the door open.
    #}

A file without one still works: its title is made from its id and its channel is ``message``.
The person's templates in ``<data-dir>/templates/`` override built-ins of the same id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from profile_helper.core.errors import FileReadError, InputError, NotFoundError
from profile_helper.core.files import write_text_atomic
from profile_helper.core.resources import resource_path
from profile_helper.core.templates.channels import CHANNELS

BUILTIN_FOLDER = "templates"
SUFFIX = ".j2"
DEFAULT_CHANNEL = "message"
DEFAULT_CATEGORY = "My templates"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_HEADER = re.compile(r"\A\s*\{#(?P<body>.*?)#\}\n?", re.DOTALL)
_FIELD = re.compile(r"^\s*(title|category|channel|description)\s*:\s*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class TemplateInfo:
    """One template: what it is called, where it goes, and its text."""

    id: str
    title: str
    category: str
    channel: str
    description: str
    source: str  # "builtin" or "user"
    path: Path
    text: str

    @property
    def file_name(self) -> str:
        return f"{self.id}{SUFFIX}"

    @property
    def body_source(self) -> str:
        """The template's text without its metadata comment."""
        match = _HEADER.match(self.text)
        return self.text[match.end() :] if match else self.text

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category,
            "channel": self.channel,
            "source": self.source,
        }


def parse_metadata(text: str) -> dict[str, str]:
    """The fields of a template's leading metadata comment (empty when it has none)."""
    match = _HEADER.match(text)
    if not match:
        return {}
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        found = _FIELD.match(line)
        if found:
            fields[found.group(1).lower()] = found.group(2)
    return fields


def _title_from_id(template_id: str) -> str:
    return template_id.replace("_", " ").replace("-", " ").capitalize()


def check_id(template_id: str) -> str:
    """A template id is a file name too: lower-case letters, digits, ``_`` and ``-`` only."""
    if not _ID.match(template_id):
        raise InputError(
            f"'{template_id}' is not a template id: use lower-case letters, digits, "
            "'_' and '-' (e.g. coffee_chat)"
        )
    return template_id


def _check_confined(path: Path) -> None:
    try:
        inside = path.resolve(strict=True).parent == path.parent.resolve(strict=True)
    except OSError:
        inside = True  # missing: read_text says so
    if path.is_symlink() or not inside or (path.exists() and not path.is_file()):
        raise FileReadError(
            f"The template {path} is not a regular file in the templates folder (a link or a "
            "file elsewhere); copy its text into a template of its own."
        )


def read_template(path: Path, source: str) -> TemplateInfo:
    """Read one template file; an unreadable file is a :class:`FileReadError`.

    A person's template must be a regular file inside their templates folder: a symlink, or
    anything resolving elsewhere, is refused (a template can show what it reads).
    """
    if source == "user":
        _check_confined(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileReadError(f"Cannot read the template {path}: {exc}") from exc
    meta = parse_metadata(text)
    template_id = path.name.removesuffix(SUFFIX)
    channel = meta.get("channel", "").strip().lower() or DEFAULT_CHANNEL
    if channel not in CHANNELS:
        channel = DEFAULT_CHANNEL
    return TemplateInfo(
        id=template_id,
        title=meta.get("title") or _title_from_id(template_id),
        category=meta.get("category") or DEFAULT_CATEGORY,
        channel=channel,
        description=meta.get("description", ""),
        source=source,
        path=path,
        text=text,
    )


def _files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(
        p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and _ID.match(p.name[: -len(SUFFIX)])
    )


def list_templates(user_dir: Path | None) -> list[TemplateInfo]:
    """Every template by id, the person's own replacing built-ins, sorted by category and title.

    A user file that cannot be read is skipped here (it shows when opened), so that one broken
    file never hides the others.
    """
    found: dict[str, TemplateInfo] = {}
    for path in _files(resource_path(BUILTIN_FOLDER)):
        found[path.name.removesuffix(SUFFIX)] = read_template(path, "builtin")
    for path in _files(user_dir):
        try:
            found[path.name.removesuffix(SUFFIX)] = read_template(path, "user")
        except FileReadError:
            continue
    return sorted(found.values(), key=lambda t: (t.category.lower(), t.title.lower()))


def load_template(template_id: str, user_dir: Path | None) -> TemplateInfo:
    """The template with this id, the person's own first."""
    check_id(template_id)
    if user_dir is not None and (user_dir / f"{template_id}{SUFFIX}").is_file():
        return read_template(user_dir / f"{template_id}{SUFFIX}", "user")
    builtin = resource_path(BUILTIN_FOLDER) / f"{template_id}{SUFFIX}"
    if builtin.is_file():
        return read_template(builtin, "builtin")
    known = ", ".join(t.id for t in list_templates(user_dir))
    raise NotFoundError(f"No template '{template_id}'. Known templates: {known}")


def save_user_template(user_dir: Path, template_id: str, text: str) -> TemplateInfo:
    """Write the person's template (creating the folder), replacing the file atomically."""
    check_id(template_id)
    path = user_dir / f"{template_id}{SUFFIX}"
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
    except OSError as exc:
        raise FileReadError(f"Cannot save the template to {path}: {exc.strerror}") from exc
    return read_template(path, "user")


def delete_user_template(user_dir: Path, template_id: str) -> None:
    """Remove the person's template; a built-in of the same id shows again."""
    check_id(template_id)
    path = user_dir / f"{template_id}{SUFFIX}"
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise FileReadError(f"Cannot delete {path}: {exc.strerror}") from exc


def metadata_header(title: str, category: str, channel: str, description: str) -> str:
    """The metadata comment for a new template."""
    return (
        "{#\n"
        f"title: {title}\n"
        f"category: {category}\n"
        f"channel: {channel}\n"
        f"description: {description}\n"
        "#}\n"
    )
