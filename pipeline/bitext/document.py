"""The bitext document: the one versioned JSON file that travels between stages.

Why one file: every stage can be rerun, resumed, reviewed and edited from it, and a person's review edits
live next to the machine's output instead of in a side channel that can drift.

Shape (schema 1)::

    {"schema": 1, "meta": {...}, "blocks": [
        {"id": "b3", "kind": "paragraph", "level": null, "marker": null, "translate": true,
         "text": "raw block text",
         "source": [{"id": "b3.s1", "text": "...", "start": 0, "end": 42,
                     "mt": {"text": "...", "score": -0.41, "flags": [], "model": "..."}}],
         "target": [{"id": "b3.t1", "text": "..."}],
         "links":  [{"src": ["b3.s1"], "tgt": ["b3.t1"], "score": 0.97, "status": "auto",
                     "flags": []}],
         "marks":  [{"start": 0, "end": 3, "kind": "link", "href": "https://..."}]}]}

``marks`` (inline markup of a Markdown article, offsets into the block's ``text``) is written only when a
block has some, so files without inline markup look exactly as before the field existed. The same holds for
the optional fields added later: a target sentence's and a machine translation's own ``marks`` (offsets into
their text: the article's links, emphasis and code carried onto the translation) and a block's ``raw`` (the
block exactly as the article wrote it, for blocks that Markdown outputs copy verbatim, such as code fences).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.errors import BitextError
from pipeline.fileio import atomic_write_text, display
from pipeline.bitext.filekind import hint_for_bitext, sniff

SCHEMA_VERSION = 1
BLOCK_KINDS = ("title", "heading", "paragraph", "list_item", "quote", "code", "html", "front_matter", "table")
#: auto: made by a machine; needs_review: a machine's doubtful link; confirmed: a person agreed;
#: edited: a person changed the link or its text.
LINK_STATUSES = ("auto", "needs_review", "confirmed", "edited")
#: Inline markup kept from a Markdown article; a link and an image also have an ``href`` (an image's text is its
#: alt text). ``raw`` covers markup that is not words (an inline HTML tag, an image without alt text), copied
#: verbatim into Markdown outputs and never shown as text; it may carry the address it names.
MARK_KINDS = ("link", "em", "strong", "code", "image", "raw")
#: Kinds whose ``href`` is required; ``raw`` may have one.
HREF_KINDS = ("link", "image")


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Mark:
    """Inline markup over ``block.text[start:end]``.

    Why offsets into the block text rather than markup inside the sentences: the text the splitter, the
    translation engine and the aligner see stays plain, and a mark can span a sentence boundary.
    """

    start: int
    end: int
    kind: str
    href: str | None = None


@dataclass
class MachineTranslation:
    """The engine's output for one source sentence, kept apart from the (editable) target sentences."""

    text: str
    score: float | None = None
    flags: list[str] = field(default_factory=list)
    model: str = ""
    #: Quality estimate (pipeline/qe): estimated probability that this translation is wrong, 0..1; None until
    #: estimated. Written only when set.
    qe: float | None = None
    #: The source's inline marks placed on this text (see pipeline/translate/protect.py).
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Sentence:
    id: str
    text: str
    start: int | None = None
    end: int | None = None
    mt: MachineTranslation | None = None
    #: Target sentences only: inline marks over this sentence's own text.
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Link:
    src: list[str]
    tgt: list[str]
    score: float | None = None
    status: str = "auto"
    flags: list[str] = field(default_factory=list)


@dataclass
class Block:
    id: str
    kind: str
    text: str
    level: int | None = None
    marker: str | None = None
    translate: bool = True
    source: list[Sentence] = field(default_factory=list)
    target: list[Sentence] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    #: The block as the article wrote it, where Markdown outputs copy it verbatim (code fences, raw HTML).
    raw: str | None = None

    def sentence(self, sid: str) -> Sentence:
        for s in self.source:
            if s.id == sid:
                return s
        for s in self.target:
            if s.id == sid:
                return s
        raise KeyError(sid)


@dataclass
class Meta:
    source_lang: str = "id"
    target_lang: str = "en"
    title: str = ""
    source_file: str = ""
    source_sha256: str = ""
    target_file: str = ""
    target_origin: str = ""  # "", "machine" or "human"
    # Where the article came from, as the page that published it says (web pages, front matter); "" = unknown.
    author: str = ""
    date: str = ""  # ISO 8601 date (YYYY-MM-DD) or date-time, as published
    site_name: str = ""
    source_url: str = ""  # canonical address of the original
    description: str = ""
    license: str = ""
    model: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)
    tool_version: str = __version__
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)


@dataclass
class Orphan:
    """A person's reviewed link whose source sentences are no longer in the article.

    Why kept: a rerun after an edit of the article must never make a correction vanish; what cannot be put
    back on a sentence stays in the file (and in the review file, as comments) for a person to reuse.
    """

    src: list[str]
    tgt: list[str]
    status: str = "edited"
    block: str = ""
    reason: str = ""
    date: str = ""


@dataclass
class Document:
    meta: Meta
    blocks: list[Block]
    schema: int = SCHEMA_VERSION
    #: Reviewed links a rerun could not carry over; written only when there are some.
    orphans: list[Orphan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {"schema": self.schema, "meta": asdict(self.meta), "blocks": [_block_dict(b) for b in self.blocks]}
        if self.orphans:
            d["orphans"] = [asdict(o) for o in self.orphans]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def iter_source(self) -> list[tuple[Block, Sentence]]:
        return [(b, s) for b in self.blocks for s in b.source]

    def block(self, bid: str) -> Block:
        for b in self.blocks:
            if b.id == bid:
                return b
        raise KeyError(bid)

    @classmethod
    def from_dict(cls, data: Any, origin: str = "bitext") -> Document:
        return _parse_document(data, origin)


def _marks_field(d: dict[str, Any]) -> None:
    """``marks`` only when there are some, ``href`` only where set."""
    if d.get("marks"):
        d["marks"] = [{k: v for k, v in m.items() if k != "href" or v is not None} for m in d["marks"]]
    else:
        d.pop("marks", None)


def _block_dict(block: Block) -> dict[str, Any]:
    """A block as JSON data; optional fields only when they hold something."""
    d = asdict(block)
    _marks_field(d)
    for sent in (*d["source"], *d["target"]):
        _marks_field(sent)
        if sent.get("mt"):
            _marks_field(sent["mt"])
            if sent["mt"].get("qe") is None:
                sent["mt"].pop("qe", None)
    if block.raw is None:
        del d["raw"]
    return d


# ---------------------------------------------------------------- reading and validation


def _fail(origin: str, msg: str) -> BitextError:
    return BitextError(f"{origin}: {msg}")


def _expect(value: Any, typ: type | tuple[type, ...], origin: str, where: str) -> Any:
    if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
        tname = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise _fail(origin, f"{where} should be {tname}, found {type(value).__name__}")
    return value


def _parse_sentence(d: Any, origin: str, where: str) -> Sentence:
    _expect(d, dict, origin, where)
    for key in ("id", "text"):
        if key not in d:
            raise _fail(origin, f"{where} has no {key!r}")
        _expect(d[key], str, origin, f"{where}.{key}")
    mt = None
    if d.get("mt") is not None:
        m = _expect(d["mt"], dict, origin, f"{where}.mt")
        _expect(m.get("text"), str, origin, f"{where}.mt.text")
        score = m.get("score")
        if score is not None:
            _expect(score, (int, float), origin, f"{where}.mt.score")
        qe = m.get("qe")
        if qe is not None:
            _expect(qe, (int, float), origin, f"{where}.mt.qe")
            if not 0.0 <= qe <= 1.0:
                raise _fail(origin, f"{where}.mt.qe is {qe!r}; expected a number from 0 to 1")
        mt = MachineTranslation(
            text=m["text"],
            score=None if score is None else float(score),
            flags=[str(f) for f in _expect(m.get("flags", []), list, origin, f"{where}.mt.flags")],
            model=str(m.get("model", "")),
            qe=None if qe is None else float(qe),
            marks=_parse_marks(m, origin, f"{where}.mt", m["text"]),
        )
    start, end = d.get("start"), d.get("end")
    return Sentence(
        id=d["id"],
        text=d["text"],
        start=None if start is None else int(_expect(start, int, origin, f"{where}.start")),
        end=None if end is None else int(_expect(end, int, origin, f"{where}.end")),
        mt=mt,
        marks=_parse_marks(d, origin, where, d["text"]),
    )


def _parse_marks(d: dict[str, Any], origin: str, where: str, text: str) -> list[Mark]:
    items = _expect(d.get("marks", []), list, origin, f"{where}.marks")
    return [_parse_mark(m, origin, f"{where} mark {j + 1}", text) for j, m in enumerate(items)]


def _parse_link(d: Any, origin: str, where: str, known: set[str]) -> Link:
    _expect(d, dict, origin, where)
    src = _expect(d.get("src"), list, origin, f"{where}.src")
    tgt = _expect(d.get("tgt"), list, origin, f"{where}.tgt")
    if not src and not tgt:
        raise _fail(origin, f"{where} links nothing")
    for sid in [*src, *tgt]:
        if sid not in known:
            raise _fail(origin, f"{where} refers to unknown sentence {sid!r}")
    status = d.get("status", "auto")
    if status not in LINK_STATUSES:
        raise _fail(origin, f"{where}.status is {status!r}; expected one of {', '.join(LINK_STATUSES)}")
    score = d.get("score")
    if score is not None:
        _expect(score, (int, float), origin, f"{where}.score")
    return Link(
        src=[str(s) for s in src],
        tgt=[str(t) for t in tgt],
        score=None if score is None else float(score),
        status=status,
        flags=[str(f) for f in _expect(d.get("flags", []), list, origin, f"{where}.flags")],
    )


def _parse_mark(d: Any, origin: str, where: str, text: str) -> Mark:
    _expect(d, dict, origin, where)
    for key in ("start", "end", "kind"):
        if key not in d:
            raise _fail(origin, f"{where} has no {key!r}")
    start = _expect(d["start"], int, origin, f"{where}.start")
    end = _expect(d["end"], int, origin, f"{where}.end")
    if not 0 <= start < end <= len(text):
        raise _fail(origin, f"{where} covers {start}..{end}, outside the block text (length {len(text)})")
    kind = d["kind"]
    if kind not in MARK_KINDS:
        raise _fail(origin, f"{where}.kind is {kind!r}; expected one of {', '.join(MARK_KINDS)}")
    href = d.get("href")
    if kind in HREF_KINDS or (kind == "raw" and href is not None):
        _expect(href, str, origin, f"{where}.href")
    elif href is not None:
        raise _fail(origin, f"{where} is {kind!r} and cannot have an href")
    return Mark(start=start, end=end, kind=kind, href=href)


def _parse_block(d: Any, origin: str, i: int) -> Block:
    where = f"block {i + 1}"
    _expect(d, dict, origin, where)
    for key in ("id", "kind", "text"):
        if key not in d:
            raise _fail(origin, f"{where} has no {key!r}")
    if d["kind"] not in BLOCK_KINDS:
        raise _fail(origin, f"{where} has unknown kind {d['kind']!r}")
    source = [_parse_sentence(s, origin, f"{where} source {j + 1}") for j, s in enumerate(_expect(d.get("source", []), list, origin, f"{where}.source"))]
    target = [_parse_sentence(s, origin, f"{where} target {j + 1}") for j, s in enumerate(_expect(d.get("target", []), list, origin, f"{where}.target"))]
    ids = [s.id for s in source] + [s.id for s in target]
    if len(set(ids)) != len(ids):
        raise _fail(origin, f"{where} has duplicate sentence ids")
    links = [_parse_link(x, origin, f"{where} link {j + 1}", set(ids)) for j, x in enumerate(_expect(d.get("links", []), list, origin, f"{where}.links"))]
    level = d.get("level")
    text = _expect(d["text"], str, origin, f"{where}.text")
    marks = _parse_marks(d, origin, where, text)
    raw = d.get("raw")
    if raw is not None:
        _expect(raw, str, origin, f"{where}.raw")
    return Block(
        id=_expect(d["id"], str, origin, f"{where}.id"),
        kind=d["kind"],
        text=text,
        level=None if level is None else int(_expect(level, int, origin, f"{where}.level")),
        marker=d.get("marker"),
        translate=bool(d.get("translate", True)),
        source=source,
        target=target,
        links=links,
        marks=marks,
        raw=raw,
    )


def _parse_document(data: Any, origin: str) -> Document:
    _expect(data, dict, origin, "the document")
    from pipeline.bitext.schema import validate

    try:
        doc = _parse_checked(data, origin)
    except (TypeError, ValueError, AttributeError, KeyError) as err:  # a shape the checks below did not expect
        validate(data, origin)
        raise _fail(origin, f"not a valid bitext file ({type(err).__name__}: {err})") from err
    validate(data, origin)  # every field's type and range, even those the parser above does not read
    return doc


def _parse_checked(data: dict[str, Any], origin: str) -> Document:
    schema = data.get("schema")
    if schema is None:
        raise _fail(origin, "not a bitext file (no 'schema' field)")
    _expect(schema, int, origin, "schema")
    if schema > SCHEMA_VERSION:
        raise _fail(origin, f"schema {schema} is newer than this bilingual ({__version__}) understands (schema {SCHEMA_VERSION}); upgrade bilingual")
    if schema < 1:
        raise _fail(origin, f"schema {schema} is not a valid schema version")
    meta_d = _expect(data.get("meta", {}), dict, origin, "meta")
    known = {f for f in Meta.__dataclass_fields__}
    meta = Meta(**{k: v for k, v in meta_d.items() if k in known})
    blocks_d = _expect(data.get("blocks"), list, origin, "blocks")
    blocks = [_parse_block(b, origin, i) for i, b in enumerate(blocks_d)]
    bids = [b.id for b in blocks]
    if len(set(bids)) != len(bids):
        raise _fail(origin, "duplicate block ids")
    orphans = [Orphan(**{k: v for k, v in o.items() if k in Orphan.__dataclass_fields__})
               for o in _expect(data.get("orphans", []), list, origin, "orphans")]
    return Document(meta=meta, blocks=blocks, schema=schema, orphans=orphans)


BITEXT_SUFFIX = ".bitext.json"


def bitext_base(path: str | Path) -> Path:
    """``dir/doc.bitext.json`` -> ``dir/doc``: the name every output published from it starts with.

    Any other name loses only a ``.json`` ending: a bitext named ``page.html`` gets ``page.html.html``,
    never its own name, as its page.
    """
    p = Path(path)
    for suffix in (BITEXT_SUFFIX, ".json"):
        if p.name.lower().endswith(suffix) and len(p.name) > len(suffix):
            return p.with_name(p.name[: -len(suffix)])
    return p


def html_path_for(path: str | Path) -> Path:
    """``doc.bitext.json`` -> ``doc.html``: the page lives next to the file it was made from."""
    base = bitext_base(path)
    return base.with_name(f"{base.name}.html")


def load_document(path: str | Path) -> Document:
    """Read and validate a bitext file; every problem becomes one BitextError naming the file."""
    p = Path(path)
    if not p.exists():
        raise BitextError(f"{p}: no such file")
    if p.is_dir():
        raise BitextError(f"{p}: is a directory, expected a bitext file")
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise BitextError(f"{p}: cannot read ({err.strerror})") from err
    if not raw.strip():
        raise BitextError(f"{p}: is empty, not a bitext file")
    from pipeline.bitext.schema import parse_json

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BitextError(f"{display(p)}: not a bitext file (not UTF-8 text)") from err
    try:
        data = parse_json(text, display(p))
    except BitextError as err:
        hint = hint_for_bitext(str(p), sniff(text))
        if hint:  # an article, a review file, an export...: say what it is and what to do with it
            raise BitextError(f"{display(p)}: {hint}") from err
        raise
    return _parse_document(data, display(p))


def save_document(doc: Document, path: str | Path) -> None:
    """Write atomically; stamps ``meta.updated``."""
    doc.meta.updated = now_iso()
    atomic_write_text(path, doc.to_json())
