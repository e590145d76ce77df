"""Fetching one article page politely: a named User-Agent, robots.txt, one request, limits, a cache.

Why urllib3 and not a higher-level client: it is already installed with trafilatura, keeps no cookies at
all (nothing a site sets survives the request), and lets redirects be followed one by one, so each hop is
checked against robots.txt and counted. Every failure is a FetchError with one line naming the URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from pipeline import __version__
from pipeline.bitext.document import now_iso
from pipeline.errors import InputError
from pipeline.segment.web.cache import CachedPage, WebCache

USER_AGENT = f"bilingual/{__version__} (article translation tool; +robots.txt respected)"
#: The name robots.txt rules address this tool by.
ROBOTS_AGENT = "bilingual"
#: A news page with its scripts is well under this; anything larger is not an article page.
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_ROBOTS_BYTES = 512 * 1024
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
#: Besides text/*: what a page may be served as.
READABLE_TYPES = ("application/xhtml+xml", "application/xml")
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.8"


class FetchError(InputError):
    """A URL could not be fetched (network, HTTP status, robots.txt, size)."""


class _Offline(FetchError):
    """The network failed (not the server's answer): a cached copy may stand in."""


@dataclass
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = MAX_PAGE_BYTES
    respect_robots: bool = True
    cache_dir: Path | None = None  # None: the user cache directory's ``web/``
    use_cache: bool = True


@dataclass
class FetchedPage:
    url: str  # as asked
    final_url: str  # after redirects
    body: bytes
    content_type: str = ""
    from_cache: bool = False
    etag: str = ""
    last_modified: str = ""

    @property
    def media_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str:
        m = re.search(r"charset\s*=\s*\"?([\w.:-]+)", self.content_type, re.IGNORECASE)
        return m.group(1) if m else ""


def is_url(value: str) -> bool:
    """Whether an input names a web page: http(s) only (another scheme is refused by ``read_article``)."""
    return bool(re.match(r"(?i)^https?://", value.strip()))


def _check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def default_web_cache() -> Path:
    from pipeline.fileio import default_cache_dir

    return default_cache_dir() / "web"


#: robots.txt rules by origin, for the life of the process (one command): one request per site.
_ROBOTS: dict[str, RobotFileParser | None] = {}


class Fetcher:
    """One fetch session: a connection pool without cookies, and robots.txt rules read once per site."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        import urllib3

        self.options = options or FetchOptions()
        t = self.options.timeout
        # urllib3 replaces (not merges) the pool's headers with a request's own, so each request sends these
        self.headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        self.pool = urllib3.PoolManager(timeout=urllib3.Timeout(connect=t, read=t), retries=False)
        self.robots = _ROBOTS  # read once per site for the whole command, whichever side asks
        self.cache = WebCache(self.options.cache_dir or default_web_cache()) if self.options.use_cache else None

    # ------------------------------------------------------------------ public

    def fetch(self, url: str, report: Callable[[str], None] | None = None) -> FetchedPage:
        """The page at ``url``: fetched, or revalidated against the cache, or from the cache when offline."""
        url = _check_url(url)
        cached = self.cache.get(url) if self.cache else None
        try:
            page = self._download(url, cached)
        except _Offline as err:
            if cached is None:
                raise
            if report:
                report(f"{url}: {err.args[0].split(': ', 1)[-1]}; using the copy fetched {cached.fetched}")
            return FetchedPage(url, cached.final_url, cached.body, cached.content_type, from_cache=True)
        if self.cache and not page.from_cache:
            try:
                self.cache.put(CachedPage(url=url, final_url=page.final_url, content_type=page.content_type,
                                          etag=page.etag, last_modified=page.last_modified, fetched=now_iso(),
                                          body=page.body))
            except OSError as err:  # the page is here; only a later offline rerun loses
                if report:
                    report(f"{url}: cannot keep a copy in {self.cache.dir} ({err.strerror or err})")
        return page

    # ------------------------------------------------------------------ steps

    def _download(self, url: str, cached: CachedPage | None) -> FetchedPage:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_robots(current)
            headers = {}
            if cached is not None and current == url:
                if cached.etag:
                    headers["If-None-Match"] = cached.etag
                if cached.last_modified:
                    headers["If-Modified-Since"] = cached.last_modified
            resp = self._request(current, headers)
            try:
                status = resp.status
                if status in (301, 302, 303, 307, 308):
                    location = resp.headers.get("Location", "")
                    if not location:
                        raise FetchError(f"{current}: HTTP {status} redirect without a Location")
                    current = _check_url(urljoin(current, location))
                    continue
                if status == 304 and cached is not None:
                    return FetchedPage(url, cached.final_url, cached.body, cached.content_type, from_cache=True)
                if status >= 400 or status < 200 or status == 204:
                    raise FetchError(f"{current}: HTTP {status} {resp.reason or ''}".rstrip())
                ctype = resp.headers.get("Content-Type", "")
                media = ctype.split(";", 1)[0].strip().lower()
                if media and not (media.startswith("text/") or media in READABLE_TYPES):
                    raise FetchError(f"{current}: the server sent {media}, not a web page or text")
                body = self._read(resp, current, self.options.max_bytes)
                return FetchedPage(url, current, body, resp.headers.get("Content-Type", ""),
                                   etag=resp.headers.get("ETag", ""),
                                   last_modified=resp.headers.get("Last-Modified", ""))
            finally:
                resp.release_conn()
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        import urllib3.exceptions as ue

        host = urlsplit(url).hostname or url
        try:
            return self.pool.request("GET", url, headers={**self.headers, **headers}, redirect=False, preload_content=False,
                                     decode_content=True)
        except ue.NameResolutionError as err:
            raise _Offline(f"{url}: cannot find the server {host} (offline?)") from err
        except ue.NewConnectionError as err:
            raise _Offline(f"{url}: cannot connect to {host} (offline?)") from err
        except ue.TimeoutError as err:
            raise _Offline(f"{url}: no answer within {self.options.timeout:g} s") from err
        except ue.SSLError as err:
            raise FetchError(f"{url}: secure connection failed ({_short(err)})") from err
        except (ue.HTTPError, OSError) as err:
            raise _Offline(f"{url}: connection failed ({_short(err)})") from err

    def _read(self, resp, url: str, limit: int) -> bytes:  # type: ignore[no-untyped-def]
        """The body, refused (never cut) when it passes ``limit`` or the time limit."""
        import urllib3.exceptions as ue

        size = resp.headers.get("Content-Length", "")
        if size.isdigit() and int(size) > limit:
            raise FetchError(f"{url}: the page is {_mib(int(size))}, larger than the {_mib(limit)} limit")
        deadline = time.monotonic() + self.options.timeout
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in resp.stream(64 * 1024):
                total += len(chunk)
                if total > limit:
                    raise FetchError(f"{url}: the page is larger than the {_mib(limit)} limit")
                if time.monotonic() > deadline:
                    raise _Offline(f"{url}: the page did not arrive within {self.options.timeout:g} s")
                chunks.append(chunk)
        except ue.TimeoutError as err:
            raise _Offline(f"{url}: no answer within {self.options.timeout:g} s") from err
        except (ue.ProtocolError, ue.DecodeError, OSError) as err:
            raise _Offline(f"{url}: the connection broke off ({_short(err)})") from err
        return b"".join(chunks)

    def _check_robots(self, url: str) -> None:
        if not self.options.respect_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        rules = self.robots[origin]
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"{url}: robots.txt of {parts.netloc} does not allow fetching this page "
                             "(--ignore-robots fetches it anyway)")

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has none, per RFC 9309."""
        current = f"{origin}/robots.txt"
        for _hop in range(MAX_REDIRECTS + 1):
            resp = self._request(current, {})
            try:
                if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                    current = _check_url(urljoin(current, resp.headers["Location"]))
                    continue
                if 400 <= resp.status < 500:
                    return None
                if resp.status != 200:
                    raise _Offline(f"{origin}/robots.txt: HTTP {resp.status}; the site's rules cannot be read "
                                     "(--ignore-robots fetches the page anyway)")
                text = self._read(resp, current, MAX_ROBOTS_BYTES).decode("utf-8", "replace")
            finally:
                resp.release_conn()
            rules = RobotFileParser()
            rules.parse(text.splitlines())
            return rules
        return None


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:160] or type(err).__name__


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def meta_charset(data: bytes) -> str:
    """The charset a page names in its first ``<meta>`` tags, or ""."""
    head = data[:4096].decode("ascii", "replace")
    m = re.search(r"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", head, re.IGNORECASE)
    return m.group(1) if m else ""


def decode_page(page: FetchedPage) -> str:
    """Bytes -> text: the charset of the HTTP header, else of the page's ``<meta>``, else UTF-8.

    Undecodable bytes become U+FFFD, as in a browser: visible, never silently dropped.
    """
    import codecs

    for name in (page.charset, meta_charset(page.body), "utf-8"):
        if not name:
            continue
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        text = page.body.decode(name, "replace")
        return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return page.body.decode("utf-8", "replace")
