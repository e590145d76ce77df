"""Fetched pages on disk, keyed by URL, with the validators (ETag, Last-Modified) the server gave.

Why: a rerun asks the server only "has it changed?" (a 304 costs the site nothing), and works offline
from the stored copy; the page a translation was made from can be found again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.fileio import atomic_write_bytes, atomic_write_text


@dataclass
class CachedPage:
    url: str
    final_url: str
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    fetched: str = ""
    body: bytes = b""


class WebCache:
    """One ``<key>.json`` (headers) and ``<key>.body`` (bytes) per URL in ``directory``."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory).expanduser()

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]

    def get(self, url: str) -> CachedPage | None:
        key = self._key(url)
        head, body = self.dir / f"{key}.json", self.dir / f"{key}.body"
        try:
            data = json.loads(head.read_text(encoding="utf-8"))
            content = body.read_bytes()
        except (OSError, ValueError):
            return None  # absent or damaged: fetch again
        if not isinstance(data, dict) or data.get("url") != url:
            return None
        fields = {k: str(data.get(k, "")) for k in ("url", "final_url", "content_type", "etag", "last_modified", "fetched")}
        return CachedPage(**fields, body=content)

    def put(self, page: CachedPage) -> None:
        """Body first, then the header file that makes the entry visible: a crash leaves no torn entry."""
        key = self._key(page.url)
        atomic_write_bytes(self.dir / f"{key}.body", page.body)
        head = {k: v for k, v in asdict(page).items() if k != "body"}
        atomic_write_text(self.dir / f"{key}.json", json.dumps(head, ensure_ascii=False, indent=1) + "\n")
