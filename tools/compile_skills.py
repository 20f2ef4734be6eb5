"""Write ``resources/audit/skills.compiled.json``: the skills vocabulary's index, ready-made.

Run after editing ``resources/audit/skills.txt`` or ``word_forms.txt`` (a test fails until
then; the app parses the text meanwhile): ``python tools/compile_skills.py``. The output is
deterministic, one alias list a line so that a change reads as a small diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from profile_helper.core.audit.vocabulary import (
    COMPILED_RESOURCE,
    VOCABULARY_RESOURCE,
    parse,
    sources_stamp,
    to_compiled,
)
from profile_helper.core.resources import read_text, resource_path


def compiled_text() -> str:
    """The compiled file's text for the skills file as it is now."""
    source = read_text(VOCABULARY_RESOURCE)
    data = to_compiled(parse(source), sources_stamp(source))
    index = data.pop("index")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    rows = ",\n".join(
        f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(aliases, ensure_ascii=False)}"
        for key, aliases in index.items()
    )
    return f'{head}, "index": {{\n{rows}\n}}}}\n'


def main() -> int:
    path = resource_path(VOCABULARY_RESOURCE).parent / Path(COMPILED_RESOURCE).name
    path.write_text(compiled_text(), encoding="utf-8", newline="\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
