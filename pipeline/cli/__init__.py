"""The ``bilingual`` command line; one module per command group."""

from pipeline.cli.main import main

__all__ = ["main"]
