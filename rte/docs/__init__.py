"""Reading a feature folder into the Feature model (the only place that reads feature documents)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rte.docs import design, markdown
from rte.docs.files import find_documents, read_text
from rte.docs.frontmatter import FrontMatter, split
from rte.docs.markdown import Block, TooSlow, parse, plain_lines
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from rte.errors import WorkspaceError
from rte.model import ChecklistItem, Document, Feature, Location, Migration, Named, Problem
from rte.paths import inside_workspace, relative

__all__ = ["ParsedDoc", "feature_folders", "load_feature", "parse_document"]


class ParsedDoc:
    """One Markdown document: its front matter and blocks, parsed once."""

    def __init__(self, rel: str, fm: FrontMatter, blocks: list[Block], problems: list[Problem]) -> None:
        self.rel = rel
        self.fm = fm
        self.blocks = blocks
        self.problems = problems


def parse_document(text: str, rel: str) -> ParsedDoc:
    fm, body, problems = split(text, rel)
    body = markdown.emoji(markdown.unfenced(body))
    try:
        blocks = parse(body)
    except RecursionError:  # lists or quotes nested thousands deep: the parser gives up, so does rte
        blocks = []
        problems.append(Problem("the document nests lists or quotes too deeply to be read", Location(rel, 1)))
    except TooSlow:  # pathological inline markup: read it line by line instead of as Markdown
        blocks = plain_lines(body)
        problems.append(
            Problem(
                f"the document took over {markdown.PARSE_SECONDS:g} s to parse as Markdown (pathological markup such as "
                "tens of thousands of `_`); it was read line by line instead",
                Location(rel, 1),
            )
        )
    if not any(b.text.strip() for b in blocks) and not fm.values:
        problems.append(Problem("the document is empty", Location(rel, 1)))
    return ParsedDoc(rel, fm, blocks, problems)


def feature_folders(workspace: Path, features_dir: str, slugs: tuple[str, ...]) -> list[Path]:
    """The folders of the requested features (all of them when `slugs` is empty), inside the workspace."""
    root = inside_workspace(workspace, features_dir, what="features directory")
    if not root.is_dir():
        raise WorkspaceError(
            f"the features directory `{features_dir}` does not exist in the workspace",
            tip="set `features-dir` to the folder that holds one sub-folder per feature",
        )
    if not slugs:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    folders = []
    for slug in slugs:
        if "/" in slug or "\\" in slug or slug in ("", ".", ".."):
            raise WorkspaceError(
                f"`{slug}` is not a feature name: give the folder name under `{features_dir}`"
            )
        folder = inside_workspace(workspace, f"{features_dir}/{slug}", what="feature folder")
        if not folder.is_dir():
            known = ", ".join(sorted(p.name for p in root.iterdir() if p.is_dir())[:20]) or "none"
            raise WorkspaceError(f"there is no feature `{slug}` under `{features_dir}` (features: {known})")
        folders.append(folder)
    return folders


def load_feature(workspace: Path, folder: Path) -> Feature:
    """Read every document of one feature folder; unreadable parts become Problems, never exceptions."""
    rel_folder = relative(workspace, folder)
    root = workspace.resolve()
    found = find_documents(folder)
    documents: dict[str, Document] = {}
    parsed: dict[str, ParsedDoc] = {}
    problems: list[Problem] = list(found.problems)
    for role, path in found.by_role.items():
        link = path.is_symlink()
        # A plain file of the folder: its path is the folder's plus its name (no resolve per document).
        rel = relative(workspace, path) if link else f"{rel_folder}/{path.name}"
        if link and root not in path.resolve().parents:
            problems.append(
                Problem(
                    "the document is a symbolic link leaving the workspace; it was not read", Location(rel)
                )
            )
            continue
        text, read_problems = read_text(path, rel)
        problems.extend(read_problems)
        if text is None:
            continue
        doc = parse_document(text, rel)
        problems.extend(doc.problems)
        parsed[role] = doc
        status = doc.fm.values.get("status")
        documents[role] = Document(role, rel, doc.fm.values, str(status) if status else None)
    migration = None
    if found.migration_sql is not None:
        rel = relative(workspace, found.migration_sql)
        documents["migration"] = Document("migration", rel)
        migration = Migration(path=rel)

    feature = Feature(slug=folder.name, path=rel_folder, documents=documents, migration=migration)
    return replace(feature, problems=tuple(problems), **_facts(parsed))  # type: ignore[arg-type]


def _facts(parsed: dict[str, ParsedDoc]) -> dict[str, object]:
    facts: dict[str, object] = {}
    all_blocks = [(doc.rel, b) for doc in parsed.values() for b in doc.blocks]
    if bsa := parsed.get("bsa"):
        facts["title"] = design.title(bsa.blocks, bsa.fm)
        facts["summary"], facts["summary_location"] = design.summary(bsa.blocks, bsa.fm, bsa.rel)
        facts["acceptance"] = tuple(design.acceptance(bsa.blocks, bsa.rel))
    if sec := parsed.get("security"):
        facts["security"], problems = read_security(sec.blocks, sec.rel, sec.fm)
        sec.problems.extend(problems)
    if tests := parsed.get("tests"):
        facts["suites"], problems = read_tests(tests.blocks, tests.rel, tests.fm)
        tests.problems.extend(problems)
    design_docs = [parsed[r] for r in ("architecture", "migration", "bsa") if r in parsed]
    facts["env_vars"] = _gather(design_docs, lambda d: design.env_vars(d.blocks, d.rel), "env")
    facts["feature_flags"] = _gather(
        design_docs, lambda d: design.feature_flags(d.blocks, d.rel), "feature-flags"
    )
    facts["metrics"] = _gather(design_docs, lambda d: design.metrics(d.blocks, d.rel), "metrics")
    facts["alerts"] = _gather(design_docs, lambda d: design.alerts(d.blocks, d.rel), "alerts")
    facts["workers"] = _gather(design_docs, lambda d: design.workers(d.blocks, d.rel), "workers")
    facts["services"] = _gather(design_docs, lambda d: design.services(d.blocks, d.rel), "services")
    facts["endpoints"] = _gather(
        list(parsed.values()), lambda d: design.endpoints(d.blocks, d.rel), "endpoints"
    )
    facts["breaking_changes"] = tuple(
        n
        for d in design_docs + [parsed[r] for r in ("documentation",) if r in parsed]
        for n in design.breaking_changes(d.blocks, d.rel, d.fm)
    )
    if docs := parsed.get("documentation"):
        facts["doc_claims"] = tuple(design.doc_claims(docs.blocks, docs.rel, docs.fm))
    facts["checklists"] = tuple(
        ChecklistItem(b.text, bool(b.checked), Location(rel, b.line))
        for rel, b in all_blocks
        if b.kind == "item" and b.checked is not None
    )
    facts["data_loss"] = next(
        (loc for d in parsed.values() if (loc := design.data_loss(d.blocks, d.rel, d.fm))), None
    )
    return facts


def _gather(
    docs: list[ParsedDoc], extract: Callable[[ParsedDoc], list[Named]], fm_key: str
) -> tuple[Named, ...]:
    """Names from front matter `fm_key` when a document has it, else from its text; de-duplicated."""
    seen: dict[str, Named] = {}
    for doc in docs:
        items = doc.fm.values.get(fm_key)
        if isinstance(items, list):
            lines = doc.fm.item_lines.get(fm_key, ())
            for index, item in enumerate(items):
                name = str(item.get("name", "")) if isinstance(item, dict) else str(item)
                detail = str(item.get("description", "")) if isinstance(item, dict) else ""
                line = lines[index] if index < len(lines) else doc.fm.lines.get(fm_key)
                if name:
                    seen.setdefault(name, Named(name, Location(doc.rel, line), detail))
            continue
        for named in extract(doc):
            seen.setdefault(named.name, named)
    return tuple(seen.values())
