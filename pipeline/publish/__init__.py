"""Stage 4, publish: the interactive bilingual page and the exchange formats translators use."""

from pipeline.publish.formats import FORMATS, OutputFormat, PublishOptions, parse_formats, publish_document, register_format
from pipeline.publish.html import LAYOUTS, render_html

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "OutputFormat",
    "PublishOptions",
    "parse_formats",
    "publish_document",
    "register_format",
    "render_html",
]
