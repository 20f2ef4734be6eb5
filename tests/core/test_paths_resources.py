import os
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_path

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.paths import ENV_DATA_DIR, default_data_dir, resolve_data_dir
from profile_helper.core.resources import ResourceError, read_json, resource_path


def test_explicit_data_dir_wins_over_environment(tmp_path: Path) -> None:
    explicit = tmp_path / "explicit"
    chosen = resolve_data_dir(explicit, env={ENV_DATA_DIR: str(tmp_path / "env")})
    assert chosen == explicit.resolve()
    assert chosen.is_dir()
    assert not (tmp_path / "env").exists()


def test_environment_data_dir_used_without_option(tmp_path: Path) -> None:
    chosen = resolve_data_dir(None, env={ENV_DATA_DIR: str(tmp_path / "env")})
    assert chosen == (tmp_path / "env").resolve()


def test_default_is_the_platform_data_folder_in_the_sandbox(tmp_path: Path) -> None:
    default = default_data_dir()
    assert "profile-helper" in default.parts[-1]
    # conftest points XDG_DATA_HOME at a temporary folder: tests never see the real one.
    assert "profile-helper-tests-" in str(default)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/people/data"])
def test_the_linux_data_folder_is_the_one_platformdirs_gives(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = user_data_path("profile-helper", appauthor=False, roaming=True)
    assert default_data_dir() == expected
    assert default_data_dir(env=dict(os.environ)) == expected


def test_data_dir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(ProfileHelperError, match="data directory"):
        resolve_data_dir(not_a_dir, env={})


def test_resources_resolve_from_the_source_checkout() -> None:
    limits = read_json("limits.json")
    assert isinstance(limits, dict)
    assert limits["headline"]["max_chars"] == 220
    assert resource_path("icons/app.svg").is_file()


@pytest.mark.parametrize("bad", ["/etc/passwd", "../pyproject.toml", "icons/../../README.md", ""])
def test_resource_names_cannot_escape_the_folder(bad: str) -> None:
    with pytest.raises(ResourceError):
        resource_path(bad)


def test_missing_resource_is_a_lookup_error() -> None:
    with pytest.raises(ResourceError, match="Missing"):
        resource_path("icons/no-such-icon.svg")
