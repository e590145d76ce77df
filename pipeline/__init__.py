"""bilingual: Indonesian article -> published bilingual document.

Importing the package is cheap on purpose: no model, no network, no directories are touched until a
stage is actually run.
"""

__version__ = "0.1.0"
