"""Stage 4, publish: write the bilingual document (HTML first, then exchange formats)."""

from pipeline.publish.html import render_html

__all__ = ["render_html"]
