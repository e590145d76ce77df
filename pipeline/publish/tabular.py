"""Line formats for scripts and spreadsheets: TSV and JSON Lines, one link per line.

TSV escapes a backslash, tab, newline and carriage return inside a field as ``\\\\``, ``\\t``, ``\\n``
and ``\\r`` (the "linear TSV" convention), so every record is exactly one line and no quoting rules are
needed to read it back with ``line.split("\\t")``.
"""

from __future__ import annotations

import json

from pipeline.document import Document
from pipeline.publish.pairs import iter_pairs

TSV_COLUMNS = ("source", "target", "score", "status", "flags", "source_ids", "target_ids")
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_escape(field: str) -> str:
    return field.translate(_TSV_ESCAPES)


def tsv_unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        ch = field[i]
        if ch == "\\" and i + 1 < len(field):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(field[i + 1], field[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def render_tsv(doc: Document) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for p in iter_pairs(doc):
        score = "" if p.link.score is None else f"{p.link.score:.4g}"
        row = (p.source, p.target, score, p.link.status, ",".join(p.flags), " ".join(p.link.src), " ".join(p.link.tgt))
        lines.append("\t".join(tsv_escape(f) for f in row))
    return "\n".join(lines) + "\n"


def render_jsonl(doc: Document) -> str:
    lines = []
    for p in iter_pairs(doc):
        record = {
            "id": p.id,
            "block": p.block.id,
            "source": p.source,
            "target": p.target,
            "score": p.link.score,
            "status": p.link.status,
            "flags": p.flags,
            "source_ids": p.link.src,
            "target_ids": p.link.tgt,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
