"""Many documents in one run: a folder, a site's content tree or a list, with one model load and shared batches."""

from pipeline.corpus.inputs import DEFAULT_GLOB, DocumentInput, collect_inputs
from pipeline.corpus.results import CollectionResult, RunOptions
from pipeline.corpus.runner import run_collection

__all__ = ["DEFAULT_GLOB", "CollectionResult", "DocumentInput", "RunOptions", "collect_inputs", "run_collection"]
