"""Golden files: every format of the sample article, compared byte for byte after scrubbing.

Volatile fields (tool version, timestamps) are replaced by placeholders before comparing. After an
intended change, regenerate with::

    BILINGUAL_UPDATE_GOLDEN=1 python -m pytest tests/publish/test_publish_golden.py

and read the diff of tests/golden/publish/ before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.publish import FORMATS, PublishOptions
from publish_samples import markdown_document, sample_document

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "publish"
UPDATE = os.environ.get("BILINGUAL_UPDATE_GOLDEN") == "1"
BUILTIN = ["html", "md", "txt", "tmx", "xliff", "xliff12", "tsv", "jsonl"]

_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
#: The footer's "Published" date is the day the file was last saved, in words.
_READABLE_TODAY = re.compile(r"(<dt>Published</dt><dd>)[^<]*")
_TMX_DATE = re.compile(r"\b\d{8}T\d{6}Z\b")


def scrub(text: str) -> str:
    text = _ISO.sub("<DATE>", text)
    text = _READABLE_TODAY.sub(r"\1<READABLE DATE>", text)
    text = _TMX_DATE.sub("<DATE>", text)
    return text.replace(f"bilingual {__version__}", "bilingual <VERSION>").replace(
        f'creationtoolversion="{__version__}"', 'creationtoolversion="<VERSION>"'
    ).replace(f'"bilingual.version" content="{__version__}"', '"bilingual.version" content="<VERSION>"').replace(
        f'tool-version="{__version__}"', 'tool-version="<VERSION>"')


DOCS = {"belgorod": sample_document, "markdown": markdown_document}


@pytest.mark.parametrize("doc_name", list(DOCS))
@pytest.mark.parametrize("fmt", BUILTIN)
def test_format_matches_golden(fmt: str, doc_name: str) -> None:
    doc = DOCS[doc_name]()
    output = scrub(FORMATS[fmt].render(doc, PublishOptions()))
    golden = GOLDEN / FORMATS[fmt].filename(doc_name, doc)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden} missing; run with BILINGUAL_UPDATE_GOLDEN=1 to create it"
    expected = golden.read_text(encoding="utf-8")
    assert output == expected, f"{fmt} output differs from {golden.name}; if intended, regenerate (see module docstring)"


@pytest.mark.parametrize("doc_name", list(DOCS))
def test_page_with_review_marks_matches_golden(doc_name: str) -> None:
    """The reviewer's page (--review-marks): marks, tooltips with reasons and the legend."""
    doc = DOCS[doc_name]()
    output = scrub(FORMATS["html"].render(doc, PublishOptions(review_marks=True)))
    golden = GOLDEN / f"{doc_name}.review-marks.html"
    if UPDATE:
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden} missing; run with BILINGUAL_UPDATE_GOLDEN=1 to create it"
    assert output == golden.read_text(encoding="utf-8"), f"differs from {golden.name}; if intended, regenerate"


def test_scrub_removes_what_changes_between_runs() -> None:
    doc = sample_document()
    doc.meta.updated = "2031-02-03T04:05:06+00:00"
    for fmt in ("html", "tmx"):
        out = scrub(FORMATS[fmt].render(doc, PublishOptions()))
        assert "2031" not in out and f"bilingual {__version__}" not in out
