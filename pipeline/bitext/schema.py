"""The JSON Schema of the bitext file (``pipeline/bitext/bitext.schema.json``), checked with fastjsonschema.

Why a schema: a loader that checks only what it happens to read lets a wrong type or an absurd number
through to crash a later stage; the schema states every field's type and range in one readable file that
other tools can use too, and its error names the field (``blocks[3].source[0].start``).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

from pipeline.errors import BitextError

#: JSON nested deeper than this is not a bitext file (the real one is 6 levels deep; meta.settings a few more).
MAX_DEPTH = 64


@lru_cache(maxsize=1)
def _validator() -> Callable[[Any], Any]:
    import fastjsonschema

    schema = json.loads(resources.files("pipeline.bitext").joinpath("bitext.schema.json").read_text("utf-8"))
    return fastjsonschema.compile(schema)


def schema_text() -> str:
    """The schema as shipped, for people and other tools."""
    return resources.files("pipeline.bitext").joinpath("bitext.schema.json").read_text("utf-8")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(text: str, origin: str) -> Any:
    """``json.loads`` that refuses NaN and Infinity and too deep nesting with a BitextError naming the place."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise BitextError(f"{origin}: corrupt or truncated JSON at line {err.lineno}, column {err.colno}: {err.msg}") from err
    except ValueError as err:  # NaN / Infinity
        raise BitextError(f"{origin}: {err}; numbers must be finite") from err
    except RecursionError as err:
        raise BitextError(f"{origin}: JSON nested too deeply to be a bitext file") from err
    _check_depth(data, origin)
    return data


def _check_depth(data: Any, origin: str) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BitextError(f"{origin}: JSON nested more than {MAX_DEPTH} levels deep; not a bitext file")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise BitextError(f"{origin}: a number is {value}; numbers must be finite")


_INDEX = re.compile(r"\[(\d+)\]")


def _field(path: str) -> str:
    """fastjsonschema's ``data.blocks[0].source[2].start`` as a person counts: ``blocks[1].source[3].start``."""
    name = path[len("data"):].lstrip(".") if path.startswith("data") else path
    return _INDEX.sub(lambda m: f"[{int(m.group(1)) + 1}]", name) or "the document"


def validate(data: Any, origin: str) -> None:
    """Raise BitextError naming the first field of ``data`` whose type or range is wrong."""
    import fastjsonschema

    _check_depth(data, origin)
    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as err:
        where = _field(err.name or "data")
        what = err.message
        if err.name and what.startswith(err.name):
            what = what[len(err.name):].strip()
        value = "" if isinstance(err.value, (dict, list)) else f", found {json.dumps(err.value)[:80]}"
        raise BitextError(f"{origin}: {where} {what}{value}") from None
