"""Loading plan templates from YAML files, with errors that name the file and the line that is wrong.

The shipped templates are in `handlers/plans/templates/`; an association adds its own by adding a file there
(its `key` must be the file name without `.yaml`). Texts may use the placeholders {år}, {grupp}, {sista_dag}
and {schablon} ({år} and {schablon} only within sections: those texts are asked in chat, where only the
year and the flat rate are known).
"""

import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from handlers.plans.template_schema import Template

TEMPLATE_DIR = Path(__file__).with_name("templates")
PLACEHOLDERS = frozenset({"år", "grupp", "sista_dag", "schablon"})
SECTION_PLACEHOLDERS = frozenset({"år", "schablon"})


@dataclass(eq=False)
class TemplateError(Exception):
    """A template file that cannot be used: which file, which line, where in the template, and why."""

    path: Path
    line: int
    where: str
    code: str
    detail: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        return f"{self.path.name}, line {self.line}{where}: {self.detail}"


@dataclass(frozen=True)
class TemplateSet:
    """The templates that loaded, by key, and the files that did not."""

    templates: dict[str, Template]
    broken: tuple[TemplateError, ...] = ()


def load_template(path: Path) -> Template:
    """The template in a YAML file, validated; raises TemplateError naming the bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(path, 1, "", "unreadable", str(error)) from error
    root, data = _parse(path, text)
    _check_nodes(path, root)
    try:
        template = Template.model_validate(data)
    except ValidationError as error:
        raise _first_problem(path, root, error) from None
    if template.key != path.stem:
        key_node = _node_at(root, ("key",))
        raise TemplateError(
            path,
            _line(key_node),
            "key",
            "key_not_file_name",
            f"key {template.key!r} must match the file name {path.stem!r}",
            {"given": template.key, "file": path.stem},
        )
    return template


def load_templates(directory: Path = TEMPLATE_DIR) -> TemplateSet:
    """Every template in a folder; broken files are set aside with their error, the rest still load."""
    templates: dict[str, Template] = {}
    broken: list[TemplateError] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            template = load_template(path)
        except TemplateError as error:
            broken.append(error)
            continue
        templates[template.key] = template
    return TemplateSet(templates, tuple(broken))


@lru_cache(maxsize=1)
def shipped_templates() -> TemplateSet:
    """The templates in the bot's template folder, loaded once per process."""
    return load_templates(TEMPLATE_DIR)


def find_template(key: str) -> Template | None:
    """A shipped template by key."""
    return shipped_templates().templates.get(key)


def _parse(path: Path, text: str) -> tuple[Node, Any]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise TemplateError(path, line, "", "yaml", str(error.problem or error)) from None
    except yaml.YAMLError as error:
        raise TemplateError(path, 1, "", "yaml", str(error)) from None
    finally:
        loader.dispose()
    if not isinstance(root, MappingNode):
        raise TemplateError(path, 1, "", "not_mapping", "the file must hold a mapping (key: value lines)")
    return root, data


def _check_nodes(path: Path, root: Node) -> None:
    """Duplicate keys (PyYAML keeps the last silently) and unknown {placeholders}, with their lines."""
    for node, where in _walk(root, ()):
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key, _ in node.value:
                if key.value in seen:
                    raise TemplateError(
                        path,
                        _line(key),
                        _where((*where, key.value)),
                        "duplicate_key",
                        f"the key {key.value!r} appears twice",
                        {"name": key.value},
                    )
                seen.add(key.value)
        elif isinstance(node, ScalarNode) and node.tag.endswith(":str"):
            _check_placeholders(path, node, where)


def _check_placeholders(path: Path, node: ScalarNode, where: tuple[Any, ...]) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(node.value) if name is not None}
    except ValueError:
        raise TemplateError(
            path, _line(node), _where(where), "braces", "a { without its } (write {{ for a brace)"
        ) from None
    known = SECTION_PLACEHOLDERS if where[:1] == ("sections",) else PLACEHOLDERS
    unknown = sorted(names - known)
    if unknown:
        raise TemplateError(
            path,
            _line(node),
            _where(where),
            "placeholder",
            f"unknown placeholder {{{unknown[0]}}} here; known: {', '.join(sorted(known))}",
            {"name": unknown[0], "known": ", ".join(f"{{{k}}}" for k in sorted(known))},
        )


def _walk(node: Node, where: tuple[Any, ...]) -> Iterator[tuple[Node, tuple[Any, ...]]]:
    yield node, where
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _walk(value, (*where, key.value))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*where, index))


def _first_problem(path: Path, root: Node, error: ValidationError) -> TemplateError:
    problems = error.errors(include_url=False)
    problem = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])  # it explains a "missing"
    loc = tuple(problem["loc"])
    params = {k: v for k, v in (problem.get("ctx") or {}).items() if isinstance(v, str | int | float)}
    params["given"] = problem.get("input") if isinstance(problem.get("input"), str | int | float) else ""
    node = _node_at(root, loc, the_key=problem["type"] == "extra_forbidden")
    return TemplateError(path, _line(node), _where(loc), str(problem["type"]), problem["msg"], params)


def _node_at(root: Node, loc: tuple[Any, ...], the_key: bool = False) -> Node:
    """The deepest node the location reaches (a missing key points at the mapping that lacks it; with
    `the_key`, the last step points at the key itself rather than its value)."""
    node = root
    for index, part in enumerate(loc):
        if isinstance(node, MappingNode) and isinstance(part, str):
            pair = next(((key, value) for key, value in node.value if key.value == part), None)
            if pair is None:
                return node
            node = pair[0] if the_key and index == len(loc) - 1 else pair[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _where(loc: tuple[Any, ...]) -> str:
    """A location people can follow: sections 2 › questions 1 › kind (numbers from 1, as people count)."""
    return " › ".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc)
