"""The reading page's static files (``static/``: CSS and JS) and its template (``templates/page.html``).

Why files and a template: style, script and the page's outline read as what they are, with their own
syntax, and every value the template writes is escaped unless it is markup this package built (the blocks,
the footer) or one of these files. The page stays self-contained: the files are inlined into it, nothing is
loaded from anywhere when it opens.

Escaping is the page's own (``html.escape`` with quotes, as everywhere in ``pipeline.publish``) rather than
markupsafe's spelling (``&#34;`` for ``&quot;``): the same characters are escaped either way, and the output
stays byte for byte what the golden files hold.

The scripts: ``page.js`` switches layouts and links sentences across the two sides (event delegation on
``<main>``, the link index built on first use). ``publication.js`` only adds behaviour for the publication
parts (masthead, view controls, keyboard movement, copy-link button): it reads the same DOM and fires
ordinary focus events that the first script already answers. Keyboard model: the text is one tab stop (a
roving ``tabindex``); inside it the arrow keys or j/k move between the sentences of one side, left/right
(h/l) jump to the linked sentence of the other side, Home/End go to the first/last sentence and ``c``
copies a link to the current sentence.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from jinja2 import Environment, PackageLoader, Template
from markupsafe import Markup


@cache
def asset(name: str) -> Markup:
    """A file of ``pipeline/publish/static`` as it is inlined into the page (trusted: written by us)."""
    return Markup(resources.files("pipeline.publish").joinpath("static", name).read_text(encoding="utf-8"))


def _escaped(value: object) -> object:
    """Every value a template writes, escaped the page's way unless it is already markup."""
    return value if isinstance(value, Markup) else Markup(escape(str(value), quote=True))


@cache
def template(name: str) -> Template:
    env = Environment(loader=PackageLoader("pipeline.publish", "templates"), autoescape=True, trim_blocks=True,
                      keep_trailing_newline=True, finalize=_escaped)
    return env.get_template(name)
