"""The bitext as JSON text, serialising again only the blocks that changed since the last save.

Why: at 10,000 links turning the whole document into JSON takes about half a second, and the editor saves
after every change a person makes. Review snapshots share the Block objects a change did not touch (see
``ops``), so the text of a block can be kept by identity. The result is byte for byte what
``Document.to_json`` writes (the tests compare them), so a file saved by the editor reads like any other.
"""

from __future__ import annotations

import json

from pipeline.bitext.document import Block, Document

_BLOCKS = '\n "blocks": []'


class DocumentJson:
    """Serialises successive snapshots of one document to UTF-8; keeps the bytes of the last one's blocks."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Block, bytes]] = {}

    @staticmethod
    def _block_text(doc: Document, block: Block) -> bytes:
        data = Document(meta=doc.meta, blocks=[block], schema=doc.schema).to_dict()["blocks"][0]
        # the block sits two levels deep in the file: every line after its first is indented by two spaces
        # (JSON strings never hold a raw newline, so each newline here is one of the layout's)
        return json.dumps(data, ensure_ascii=False, indent=1).replace("\n", "\n  ").encode("utf-8")

    def dumps(self, doc: Document) -> bytes:
        shell = Document(meta=doc.meta, blocks=[], schema=doc.schema).to_json()
        at = shell.rfind(_BLOCKS)
        if at < 0 or not doc.blocks:
            self._cache = {}
            return doc.to_json().encode("utf-8")
        kept: dict[int, tuple[Block, bytes]] = {}
        parts = []
        for block in doc.blocks:
            hit = self._cache.get(id(block))
            text = hit[1] if hit is not None and hit[0] is block else self._block_text(doc, block)
            kept[id(block)] = (block, text)
            parts.append(text)
        self._cache = kept
        head = (shell[:at] + '\n "blocks": [\n  ').encode("utf-8")
        tail = ("\n ]" + shell[at + len(_BLOCKS):]).encode("utf-8")
        return b"".join((head, b",\n  ".join(parts), tail))
