"""Stage 1: read an article (text, Markdown, a web page) into blocks and split them into sentences."""
