"""Prompt files in `prompts/`, loaded and validated: a missing or unexpected variable is a named error."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from policyqa import PROJECT_ROOT
from policyqa.errors import PolicyQAError

PROMPTS_DIR = PROJECT_ROOT / "prompts"


class PromptError(PolicyQAError):
    pass


@dataclass(frozen=True)
class Prompt:
    name: str
    template: str
    variables: frozenset[str]

    def render(self, **values: str) -> str:
        missing = self.variables - values.keys()
        if missing:
            raise PromptError(f"prompt {self.name!r} needs {sorted(missing)}")
        # Substitute in one pass so braces inside values are never re-interpreted.
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), self.template)


def load_prompt(name: str, required: set[str], directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{name}.md"
    if not path.exists():
        raise PromptError(f"prompt file {path} is missing")
    template = path.read_text(encoding="utf-8")
    found = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    if found != required:
        raise PromptError(f"prompt {name!r} has variables {sorted(found)}, expected {sorted(required)}")
    return Prompt(name, template, frozenset(found))
