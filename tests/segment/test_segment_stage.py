"""The segment stage's one shape: ``segment(article, config.segment) -> StageResult[SegmentReport]``."""

from __future__ import annotations

import importlib

from pipeline.config import Config, SegmentConfig
from pipeline.segment.sources import Article
from pipeline.segment.stage import SegmentReport, segment, segment_text
from pipeline.stages import STAGES, StageResult

ARTICLE = "Judul Berita\n\nHarga beras naik. Pedagang mengeluh.\n\nPemerintah berjanji menggelar operasi pasar.\n"


def test_segment_returns_the_document_and_a_report_of_what_it_made() -> None:
    result = segment(Article.from_text(ARTICLE, name="berita.txt"), SegmentConfig())
    assert isinstance(result, StageResult) and isinstance(result.report, SegmentReport)
    assert [s.text for _, s in result.doc.iter_source()] == [
        "Judul Berita", "Harga beras naik.", "Pedagang mengeluh.", "Pemerintah berjanji menggelar operasi pasar."]
    assert (result.report.blocks, result.report.sentences) == (3, 4)
    assert result.report.seconds >= 0
    assert result.doc.meta.title == "Judul Berita" and result.doc.meta.settings["segment"]["format"] == "txt"


def test_stages_names_this_function() -> None:
    module, name = STAGES["segment"].target.split(":")
    assert getattr(importlib.import_module(module), name) is segment
    assert STAGES["segment"].section == "segment"


def test_segment_text_is_the_stage_on_a_text_in_memory() -> None:
    config = Config()
    by_text = segment_text(ARTICLE, source_file="berita.md", config=config).to_dict()
    by_stage = segment(Article.from_text(ARTICLE, name="berita.md"), config.segment).doc.to_dict()
    for d in (by_text, by_stage):
        d["meta"].pop("stages")
        d["meta"].pop("updated", None)
    assert by_text == by_stage
    assert by_text["meta"]["settings"]["segment"]["format"] == "md"


def test_the_section_reaches_the_splitter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "abbr.txt"
    extra.write_text("Zq.\n", encoding="utf-8")
    text = "Ia bertemu Zq. Budi kemarin. Mereka makan.\n"
    plain = segment(Article.from_text(text), SegmentConfig()).report.sentences
    listed = segment(Article.from_text(text), SegmentConfig(abbreviations=[str(extra)])).report.sentences
    assert (plain, listed) == (3, 2)
