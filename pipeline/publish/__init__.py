"""Stage 4, publish: the interactive bilingual page and the exchange formats translators use."""

from pipeline.publish.formats import (
    FORMATS,
    PAIR_FORMATS,
    OutputFormat,
    PublishOptions,
    parse_formats,
    parse_statuses,
    publish_document,
    register_format,
)
from pipeline.publish.html import LAYOUTS, render_html

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "OutputFormat",
    "PAIR_FORMATS",
    "PublishOptions",
    "parse_formats",
    "parse_statuses",
    "publish_document",
    "register_format",
    "render_html",
]
