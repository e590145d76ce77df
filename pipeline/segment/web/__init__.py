"""Web pages as input: fetching a URL politely (``fetch``, ``cache``, ``robots``) and extracting the article
from a page with trafilatura (``prepare``, ``extract``, ``xml_markdown``).

Why a sub-package: none of this is needed for a plain-text or Markdown article, so nothing here (and not
trafilatura or lxml) is imported until a page or a URL is actually read.
"""
