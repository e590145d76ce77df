"""Markdown as an article format: parsing into blocks (front matter, tables, HTML blocks) and the spans of
text that are markup rather than words (shortcodes, URLs, template placeholders).

Why a package of its own: the segment stage reads Markdown, the translate stage must hide its markup from the
model, and the publish stage writes it again; all three share these definitions.
"""
