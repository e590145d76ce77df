"""Write a tiny randomly initialised translation model with a real sentencepiece vocabulary.

Why: tests must run the real loading and generation code path (AutoTokenizer + AutoModelForSeq2SeqLM,
save_pretrained files, language codes) without a model hub. The weights are random, so the output is
gibberish, but it is genuinely produced by the model.

    python tests/make_tiny_model.py OUT_DIR [--arch marian|m2m100|nllb]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Extra bilingual text so the vocabulary covers common words beyond the sample article.
EXTRA_TEXT = """\
Presiden mengatakan pada hari Senin bahwa pemerintah akan membangun jalan baru.
The president said on Monday that the government would build a new road.
Harga beras naik 3,5 persen menjadi Rp15.850 per kilogram.
The price of rice rose 3.5 percent to Rp15,850 per kilogram.
Dr. Budi Santoso bekerja di Jakarta sejak tahun 1990-an.
Dr. Budi Santoso has worked in Jakarta since the 1990s.
"""


def corpus() -> list[str]:
    lines: list[str] = []
    for name in ("belgorod.id.txt", "belgorod.en.txt"):
        p = ROOT / "seeds" / name
        if p.is_file():
            lines += [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines += [ln for ln in EXTRA_TEXT.splitlines() if ln.strip()]
    return lines


def train_spm(lines: list[str], vocab_size: int, model_type: str = "unigram", **kw: object) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines * 3), model_writer=buf, vocab_size=vocab_size, model_type=model_type,
        character_coverage=1.0, hard_vocab_limit=False, minloglevel=2, **kw,
    )
    return buf.getvalue()


def make_marian(out: Path, lines: list[str]) -> None:
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    sp = train_spm(lines, 400, unk_id=1, pad_id=-1, bos_id=-1, eos_id=0, eos_piece="</s>", unk_piece="<unk>")
    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "source.spm").write_bytes(sp)
    (tmp / "target.spm").write_bytes(sp)
    import sentencepiece as spm

    proc = spm.SentencePieceProcessor(model_proto=sp)
    # Like the real opus-mt models, <pad> is the last id: CTranslate2's Marian converter drops that last entry.
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(proc.get_piece_size()):
        piece = proc.id_to_piece(i)
        if piece not in vocab:
            vocab[piece] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(str(tmp / "source.spm"), str(tmp / "target.spm"), str(tmp / "vocab.json"),
                          source_lang="id", target_lang="en")
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=256, pad_token_id=vocab["<pad>"], eos_token_id=vocab["</s>"],
        decoder_start_token_id=vocab["<pad>"], forced_eos_token_id=vocab["</s>"], scale_embedding=True,
        share_encoder_decoder_embeddings=True,
    )
    model = MarianMTModel(config)
    model.generation_config.bad_words_ids = [[vocab["<pad>"]]]  # as in the real opus-mt generation config
    model.save_pretrained(out)
    tok.save_pretrained(out)
    _remove(tmp)


def make_m2m100(out: Path, lines: list[str]) -> None:
    from transformers import M2M100Tokenizer

    sp = train_spm(lines, 400, model_type="bpe", unk_id=3, pad_id=1, bos_id=0, eos_id=2)
    import sentencepiece as spm

    proc = spm.SentencePieceProcessor(model_proto=sp)
    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "sentencepiece.bpe.model").write_bytes(sp)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(proc.get_piece_size()):
        piece = proc.id_to_piece(i)
        if piece not in vocab:
            vocab[piece] = len(vocab)
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    # As in the published facebook/m2m100_* files, the language tokens are listed as special tokens: the
    # constructor alone does not register them (transformers 5), and CTranslate2's converter and
    # skip_special_tokens both rely on that list.
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    codes = [f"__{c}__" for c in FAIRSEQ_LANGUAGE_CODES["m2m100"]]
    tok = M2M100Tokenizer(str(tmp / "vocab.json"), str(tmp / "sentencepiece.bpe.model"), src_lang="id", tgt_lang="en",
                          additional_special_tokens=codes)
    _save_m2m100(out, tok, "__en__", extra_rows=tok.num_madeup_words)
    _remove(tmp)


def make_nllb(out: Path, lines: list[str]) -> None:
    sp = train_spm(lines, 400, model_type="bpe", unk_id=3, pad_id=1, bos_id=0, eos_id=2)
    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "sentencepiece.bpe.model").write_bytes(sp)
    tok = _nllb_tokenizer(tmp / "sentencepiece.bpe.model")
    _save_m2m100(out, tok, "eng_Latn", extra_rows=2)
    _remove(tmp)


def _save_m2m100(out: Path, tok, target_code: str, extra_rows: int) -> None:  # type: ignore[no-untyped-def]
    """NLLB and M2M100 share the M2M100 architecture; only their tokenizers differ.

    ``extra_rows``: the published models have embedding rows no token uses (M2M100: 8 "madeupword"s,
    128112 = 128104 + 8; NLLB: 256206 = 256204 + 2); converters must cope with them, so the tiny ones have them too.
    """
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    config = M2M100Config(
        vocab_size=_full_vocab_size(tok) + extra_rows, d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=tok.bos_token_id,
        decoder_start_token_id=tok.eos_token_id,
    )
    config.architectures = ["M2M100ForConditionalGeneration"]
    model = M2M100ForConditionalGeneration(config)
    _quiet_specials(model, tok, (target_code,), unused=range(_full_vocab_size(tok), config.vocab_size))
    model.save_pretrained(out)
    tok.save_pretrained(out)


def _remove(folder: Path) -> None:
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()


def _nllb_tokenizer(spm_path: Path):  # type: ignore[no-untyped-def]
    """Build the fast NLLB tokenizer from the sentencepiece model, with the real language-code tokens."""
    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    return NllbTokenizer.from_pretrained(str(spm_path.parent), src_lang="ind_Latn", tgt_lang="eng_Latn",
                                         extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES))


def _full_vocab_size(tok) -> int:  # type: ignore[no-untyped-def]
    """len(tokenizer) leaves out M2M100's language tokens; the embedding must cover every id."""
    ids = [*tok.get_vocab().values(), *getattr(tok, "lang_token_to_id", {}).values(), *tok.all_special_ids]
    return max(max(ids) + 1, len(tok))


def _quiet_specials(model, tok, keep: tuple[str, ...],  # type: ignore[no-untyped-def]
                    unused: range = range(0)) -> None:
    """Random weights often pick a language-code token forever, which decodes to an empty string.

    Suppressing the special tokens (except the forced target code and </s>) and the ``unused`` embedding rows
    makes the random model emit ordinary pieces, so tests see real, non-empty text produced by generate().
    """
    vocab = {**tok.get_vocab(), **getattr(tok, "lang_token_to_id", {})}
    keep_ids = {vocab[k] for k in keep if k in vocab} | {tok.eos_token_id}
    special = set(tok.all_special_ids) | {i for t, i in vocab.items() if t.startswith("__") and t.endswith("__")}
    special |= {i for t, i in vocab.items() if len(t) == 8 and t[3] == "_" and t[4:].istitle()}
    model.generation_config.suppress_tokens = sorted((special | set(unused)) - keep_ids)


BUILDERS = {"marian": make_marian, "m2m100": make_m2m100, "nllb": make_nllb}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--arch", choices=sorted(BUILDERS), default="marian")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import torch

    torch.manual_seed(args.seed)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    BUILDERS[args.arch](args.out_dir, corpus())
    print(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
