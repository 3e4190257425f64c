"""The generator's structure: no import cycles, and site engines imported only by their adapters.

Every ``import`` in ``generator/`` is read with :mod:`ast` (those inside functions
and ``if TYPE_CHECKING:`` too: a cycle through them is still two modules that
cannot be understood, or moved, apart). The stages must form layers, with
``generator/site`` (the URLs and labels everything shares) at the bottom, so that
no site engine owns the pipeline: MkDocs and Zensical are imported only by their
adapters in ``generator/engines/``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

#: The stages that must not import each other in a circle.
PACKAGES = ("render", "export", "check", "write", "engines", "site")

#: Modules outside ``generator/engines/mkdocs_*`` that import MkDocs, listed one by one so
#: that a new one is a decision. None are left: the commands, the site folder and the link
#: check read mkdocs.yml with ``generator.site.project`` and build through the adapters.
MKDOCS_OUTSIDE_ENGINES: set[str] = set()

#: Imports from one stage into another that close a circle, allowed one by one until
#: they move. None are left: the site folder no longer looks for the MkDocs plugin, and
#: `tarjotin links` is handed its build by the command line instead of importing it.
ALLOWED_BACK_EDGES: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``path`` imports (``from a import b`` names ``a`` and ``a.b``), with its line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


MODULES = {module_name(path): path for path in sorted(GENERATOR.rglob("*.py"))}


def module_graph() -> dict[str, dict[str, int]]:
    """Module → the generator's modules it imports, each with the line of one such import."""
    graph: dict[str, dict[str, int]] = {}
    for name, path in MODULES.items():
        graph[name] = {}
        for target, line in imports(path):
            if target in MODULES and target != name:
                graph[name].setdefault(target, line)
    return graph


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in PACKAGES else None


def package_graph() -> dict[str, dict[str, str]]:
    """Package → the packages it imports, each with one import that makes it so."""
    graph: dict[str, dict[str, str]] = {package: {} for package in PACKAGES}
    for module, targets in module_graph().items():
        source = package_of(module)
        for target, line in targets.items():
            destination = package_of(target)
            if source and destination and destination != source:
                where = f"{MODULES[module].relative_to(GENERATOR.parent)}:{line} imports {target}"
                graph[source].setdefault(destination, where)
    return graph


def cycles(graph: dict[str, dict[str, str]] | dict[str, dict[str, int]]) -> list[list[str]]:
    """Every cycle found by a depth-first search, each once, as the nodes in order."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in graph[node]:
            if state.get(target) == 1:
                cycle = path[path.index(target) :]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    found.append(cycle)
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_search_finds_a_cycle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_the_stages_import_each_other_in_no_circle() -> None:
    graph = package_graph()
    for (source, target), module in ALLOWED_BACK_EDGES.items():
        # Still there (or the exception goes), and still from the module named.
        assert graph[source].pop(target).startswith(module + ":"), (source, target)
    problems = []
    for cycle in cycles(graph):
        steps = zip(cycle, [*cycle[1:], cycle[0]], strict=True)
        problems.append(" → ".join(cycle + cycle[:1]) + "".join(f"\n  {graph[a][b]}" for a, b in steps))
    assert problems == [], "\n".join(problems)


def test_no_module_of_the_generator_is_in_an_import_cycle() -> None:
    assert cycles(module_graph()) == []


def test_the_site_structure_imports_nothing_of_the_pipeline() -> None:
    """``generator/site`` is what render, export, check, write and engines share.

    Its modules may use each other (the plan's pages have URLs), nothing else of the generator.
    """
    for path in sorted((GENERATOR / "site").rglob("*.py")):
        for target, line in imports(path):
            if target.startswith("generator.site"):
                continue
            top = target.split(".")[0]
            assert top not in {"generator", "mkdocs", "material", "zensical", "jinja2"}, (
                f"{path.name}:{line} imports {target}"
            )


@pytest.mark.parametrize(
    ("engine", "adapters", "allowed"),
    [
        ("mkdocs", "mkdocs_", MKDOCS_OUTSIDE_ENGINES),
        ("material", "mkdocs_", set()),  # MkDocs's theme: only the MkDocs adapter knows it
        ("zensical", "zensical", set()),
    ],
)
def test_an_engine_is_imported_only_by_its_adapter(engine: str, adapters: str, allowed: set[str]) -> None:
    found = set()
    for path in MODULES.values():
        relative = path.relative_to(GENERATOR.parent).as_posix()
        if relative.startswith(f"generator/engines/{adapters}"):
            continue
        for target, line in imports(path):
            if target.split(".")[0] == engine:
                found.add(relative)
                assert relative in allowed, f"{relative}:{line} imports {target}"
    # The list stays honest: a module that no longer imports the engine leaves it.
    assert found == allowed
