"""The model hub and store (pipeline/translate/hub/): models list and remove, the offline errors, the hub cache,
and unreadable markers, configs and caches as one-line errors naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bitext.document import save_document
from pipeline.segment.stage import segment_text
from translate_fakes import cli_exit


def test_models_list_and_remove(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    target = isolated / "models" / "Helsinki-NLP__opus-mt-id-en"
    shutil.copytree(tiny_marian, target)
    (target / ".bilingual-revision").write_text("abc123\n", encoding="utf-8")
    (target / ".bilingual-source").write_text("Helsinki-NLP/opus-mt-id-en\n", encoding="utf-8")
    assert cli_exit(["models", "list", "--no-cache"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Helsinki-NLP/opus-mt-id-en" in out and "abc123" in out and "hub:Helsinki-NLP/opus-mt-id-en" in out
    assert "KB" in out or "MB" in out
    assert cli_exit(["models", "remove", "Helsinki-NLP/opus-mt-id-en"], monkeypatch) == 0
    assert not target.exists()
    capsys.readouterr()
    assert cli_exit(["models", "remove", "Helsinki-NLP/opus-mt-id-en"], monkeypatch) != 0
    err = capsys.readouterr().err
    assert err.startswith("bilingual: error:") and len(err.strip().splitlines()) == 1


def test_offline_missing_model_is_one_line(isolated: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bitext = isolated / "doc.bitext.json"
    save_document(segment_text("Harga beras naik."), bitext)
    code = cli_exit(["translate", str(bitext), "--model", "Helsinki-NLP/opus-mt-id-xx"], monkeypatch)
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "HF_HUB_OFFLINE" in err and "opus-mt-id-xx" in err
    code = cli_exit(["translate", str(bitext), "--model", "Helsinki-NLP/opus-mt-id-xx", "--engine", "ctranslate2"],
                 monkeypatch)
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1 and "models convert" in err


def test_offline_model_from_the_hub_cache(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import huggingface_hub.constants

    from pipeline.translate.hub.resolve import resolve_model

    # huggingface_hub reads HF_HOME once, at import: point its cache at the sandbox directly
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(isolated / "hf-home" / "hub"))

    sha = "89abcdef0123456789abcdef0123456789abcdef"
    repo = isolated / "hf-home" / "hub" / "models--tiny--cached-mt"
    shutil.copytree(tiny_marian, repo / "snapshots" / sha)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(sha, encoding="utf-8")
    resolved = resolve_model("tiny/cached-mt")
    assert resolved.source == "cache" and resolved.revision == sha


def _stored_model(models: Path, tiny_marian: Path, name: str = "tiny__mt") -> Path:
    import shutil

    target = models / name
    shutil.copytree(tiny_marian, target)
    return target


@pytest.mark.parametrize("content", [b"", b"abc def\n", b"\xff\xfe not utf-8"])
def test_a_corrupt_revision_marker_is_an_error_naming_it(isolated: Path, tiny_marian: Path, content: bytes) -> None:
    """Before: an empty or unreadable marker became the revision "" or a traceback; now one line naming the file."""
    from pipeline.errors import ModelError
    from pipeline.translate.hub.resolve import resolve_model

    target = _stored_model(isolated / "models", tiny_marian)
    (target / ".bilingual-revision").write_bytes(content)
    with pytest.raises(ModelError, match=r"\.bilingual-revision: (corrupt model marker|cannot read)") as caught:
        resolve_model(str(target))
    assert str(target) in str(caught.value) and "\n" not in str(caught.value)


def test_a_corrupt_conversion_marker_is_an_error_not_an_unconverted_model(isolated: Path, tiny_marian: Path) -> None:
    """Before: a marker that was no JSON read as {}: the conversion's revision and suppressed tokens were lost."""
    from pipeline.errors import ModelError
    from pipeline.translate.hub.store import list_models

    target = _stored_model(isolated / "models", tiny_marian, "tiny__mt.ct2")
    (target / "model.bin").write_bytes(b"")
    (target / ".bilingual-ct2.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match=r"\.bilingual-ct2\.json: cannot read"):
        list_models(isolated / "models")
    (target / ".bilingual-ct2.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ModelError, match="expected a JSON object"):
        list_models(isolated / "models")


def test_an_unreadable_model_config_stops_the_conversion(isolated: Path, tiny_marian: Path) -> None:
    """Before: a generation_config.json that was no JSON was skipped, and its never-generate rules with it."""
    from pipeline.errors import ModelError
    from pipeline.translate.hub.convert import convert_model
    from pipeline.translate.hub.resolve import ct2_dir

    target = _stored_model(isolated / "elsewhere", tiny_marian)
    (target / "generation_config.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(ModelError, match=r"generation_config\.json: cannot read"):
        convert_model(str(target), quantization="float32")
    assert not ct2_dir(str(target)).exists()  # nothing half-written where the engine looks


def test_an_unreadable_hub_cache_is_an_error_not_a_missing_model(isolated: Path, tiny_marian: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: any failure of the cache lookup meant "not cached": offline, an unreadable cache said the
    model was missing and sent the user to download it again."""
    import shutil

    import huggingface_hub.constants

    from pipeline.errors import ModelError, ModelNotAvailableError
    from pipeline.translate.hub.resolve import resolve_model

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(isolated / "hf-home" / "hub"))
    repo = isolated / "hf-home" / "hub" / "models--tiny--cached-mt"
    sha = "89abcdef0123456789abcdef0123456789abcdef"
    shutil.copytree(tiny_marian, repo / "snapshots" / sha)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").mkdir()  # a folder where the branch's commit should be written
    with pytest.raises(ModelError, match="cannot read the Hugging Face cache") as caught:
        resolve_model("tiny/cached-mt")
    assert not isinstance(caught.value, ModelNotAvailableError) and "refs" in str(caught.value)
    shutil.rmtree(repo)  # really not cached: still "not available", exit 3
    with pytest.raises(ModelNotAvailableError, match="HF_HUB_OFFLINE"):
        resolve_model("tiny/cached-mt")
