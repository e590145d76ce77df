"""Stage 4, publish: the interactive bilingual page and the exchange formats translators use.

The renderers (``pipeline.publish.html`` ...) are not imported here: each is loaded when its format is written.
"""

from pipeline.publish.formats import (
    FORMATS,
    OutputFormat,
    PublishOptions,
    PublishReport,
    parse_formats,
    parse_statuses,
    publish,
    register_format,
)

__all__ = [
    "FORMATS",
    "OutputFormat",
    "PublishOptions",
    "PublishReport",
    "parse_formats",
    "parse_statuses",
    "publish",
    "register_format",
]
