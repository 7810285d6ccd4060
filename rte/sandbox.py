"""Loading a user's templates: only regular files that stay inside the template folder (links are checked)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEMPLATE_BYTES = 256 * 1024


class ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses a template whose real path (links followed) leaves its folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        super().__init__(str(self.folder), followlinks=False)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        path = self.folder.joinpath(*pieces)
        if path.exists() or path.is_symlink():
            real = path.resolve()
            if real != self.folder and self.folder not in real.parents:
                raise jinja2.exceptions.SecurityError(
                    f"the template `{template}` is a symbolic link leaving the template folder"
                )
            if real.is_file() and real.stat().st_size > MAX_TEMPLATE_BYTES:
                raise jinja2.exceptions.SecurityError(
                    f"the template `{template}` is larger than {MAX_TEMPLATE_BYTES} bytes"
                )
        return super().get_source(environment, template)


MAX_REPEAT = 1_000_000  # longest string or list a template may build with `*`
MAX_EXPONENT = 256


class Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, plus limits on `*` and `**` so a template cannot exhaust memory or CPU."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise jinja2.exceptions.SecurityError(f"the exponent {right} is over the limit of {MAX_EXPONENT}")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_REPEAT:
                    raise jinja2.exceptions.SecurityError(
                        f"repeating a value {times} times is over the limit of {MAX_REPEAT} items"
                    )
        return super().call_binop(context, operator, left, right)
