"""Write a tiny randomly initialised translation model with a real sentencepiece vocabulary.

Why: tests must run the real loading and generation code path (AutoTokenizer + AutoModelForSeq2SeqLM,
save_pretrained files, language codes) without a model hub. The weights are random, so the output is
gibberish, but it is genuinely produced by the model.

    python tests/make_tiny_model.py OUT_DIR [--arch marian|m2m100|nllb] [--published]
    python tests/make_tiny_model.py OUT_DIR --published --arch marian-multi
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


def _m2m100_vocabulary(out: Path, lines: list[str]) -> Path:
    """The BPE model and vocab.json of the M2M100 layout, in a scratch folder ``out/_spm`` (returned)."""
    import sentencepiece as spm

    sp = train_spm(lines, 400, model_type="bpe", unk_id=3, pad_id=1, bos_id=0, eos_id=2)
    proc = spm.SentencePieceProcessor(model_proto=sp)
    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "sentencepiece.bpe.model").write_bytes(sp)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(proc.get_piece_size()):
        vocab.setdefault(proc.id_to_piece(i), len(vocab))
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return tmp


def make_m2m100(out: Path, lines: list[str]) -> None:
    from transformers import M2M100Tokenizer

    tmp = _m2m100_vocabulary(out, lines)
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
    if not (out / "sentencepiece.bpe.model").exists():  # as in the published repository, next to tokenizer.json
        (out / "sentencepiece.bpe.model").write_bytes(sp)
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


# ---------------------------------------------------------------- published layout
#
# The models above are shaped for speed and convenience. The hub's repositories differ in ways that hide bugs:
# .bin weights next to TF/Rust/Flax files, a 42-byte Marian tokenizer_config.json, separate source and target
# sentencepiece models, no src_lang in the tokenizer configs (so the tokenizer's own default language, English,
# applies), no suppression of <pad> or language tokens, and the real position limits. These builders mirror the
# published repositories file by file, with tiny random weights.

#: Files the hub repositories carry for other frameworks: a download must skip them (sizes are the real ones').
FOREIGN_FILES = {
    "marian": {"tf_model.h5": 292_000_000, "rust_model.ot": 291_000_000, "flax_model.msgpack": 291_000_000},
    "marian-multi": {"tf_model.h5": 312_000_000},
    "m2m100": {"rust_model.ot": 1_940_000_000},
    "nllb": {},
}

#: Languages of the multi-target OPUS model (opus-mt-*-mul style: a ``>>xxx<<`` token chooses the output).
MULTI_TARGET_CODES = ("eng", "ind", "fra", "deu", "zsm_Latn")


def _id_lines(lines: list[str]) -> list[str]:
    en = set(_en_lines(lines))
    return [ln for ln in lines if ln not in en]


def _en_lines(lines: list[str]) -> list[str]:
    p = ROOT / "seeds" / "belgorod.en.txt"
    en = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()] if p.is_file() else []
    en += [ln for ln in EXTRA_TEXT.splitlines()[1::2] if ln.strip()]
    return en


def _write_foreign(out: Path, arch: str) -> None:
    """Stand-ins for the other frameworks' weights (a few bytes each: only their names matter to a download)."""
    for name in FOREIGN_FILES[arch]:
        (out / name).write_bytes(b"weights of another framework; bilingual must never download this file\n")
    (out / "README.md").write_text("---\nlanguage: [id, en]\ntags: [translation]\n---\n# tiny published-layout model\n",
                                   encoding="utf-8")
    (out / ".gitattributes").write_text("*.bin filter=lfs diff=lfs merge=lfs -text\n", encoding="utf-8")


def _save_bin(model, out: Path) -> None:  # type: ignore[no-untyped-def]
    """``pytorch_model.bin`` (a pickled state dict, as opus-mt-id-en's main branch ships) and config.json only."""
    import torch

    model.config.save_pretrained(out)
    torch.save(model.state_dict(), out / "pytorch_model.bin")
    for extra in ("generation_config.json", "model.safetensors"):
        (out / extra).unlink(missing_ok=True)


def _marian_published(out: Path, lines: list[str], codes: tuple[str, ...] = ()) -> None:
    from transformers import MarianConfig, MarianMTModel

    import sentencepiece as spm

    opts = dict(unk_id=1, pad_id=-1, bos_id=-1, eos_id=0, eos_piece="</s>", unk_piece="<unk>")
    source = train_spm(_id_lines(lines), 300, **opts)  # Indonesian pieces only
    # English pieces only, with byte fallback: characters it never saw come out as <0x..> pieces, which only
    # the target model turns back into text (decoding with the source model prints them literally)
    target = train_spm(_en_lines(lines), 600, byte_fallback=True, **opts)
    out.mkdir(parents=True, exist_ok=True)
    (out / "source.spm").write_bytes(source)
    (out / "target.spm").write_bytes(target)
    vocab = {"</s>": 0, "<unk>": 1}
    for code in codes:
        vocab[f">>{code}<<"] = len(vocab)
    for proto in (source, target):  # one joint vocabulary, as in every opus-mt repository
        proc = spm.SentencePieceProcessor(model_proto=proto)
        for i in range(proc.get_piece_size()):
            vocab.setdefault(proc.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=2), encoding="utf-8")
    # 42 bytes, exactly as published: no model_max_length, no special tokens, no tokenizer class
    (out / "tokenizer_config.json").write_text('{"target_lang": "en", "source_lang": "id"}', encoding="utf-8")
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=512, activation_function="swish", static_position_embeddings=True,
        scale_embedding=True, share_encoder_decoder_embeddings=True, pad_token_id=pad, eos_token_id=0,
        decoder_start_token_id=pad, forced_eos_token_id=0, bad_words_ids=[[pad]], num_beams=4, max_length=512,
    )
    config.architectures = ["MarianMTModel"]
    _save_bin(MarianMTModel(config), out)


def make_published_marian(out: Path, lines: list[str]) -> None:
    """Helsinki-NLP/opus-mt-id-en as published: separate spm models, .bin weights, no generation_config.json."""
    _marian_published(out, lines)
    _write_foreign(out, "marian")


def make_published_marian_multi(out: Path, lines: list[str]) -> None:
    """A multi-target OPUS model (opus-mt-*-mul style): ``>>xxx<<`` at the start of the source picks the output."""
    _marian_published(out, lines, MULTI_TARGET_CODES)
    _write_foreign(out, "marian-multi")


def _published_m2m_family(out: Path, tok, arch: str, extra_rows: int, codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    config = M2M100Config(
        vocab_size=_full_vocab_size(tok) + extra_rows, d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=1024, scale_embedding=True,
        pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=tok.bos_token_id,
        decoder_start_token_id=tok.eos_token_id,
    )
    config.architectures = ["M2M100ForConditionalGeneration"]
    model = M2M100ForConditionalGeneration(config)
    tok.save_pretrained(out)
    _save_bin(model, out)
    # the published generation config: nothing suppressed (real models do not ban <pad> or language tokens)
    gen = {"bos_token_id": tok.bos_token_id, "decoder_start_token_id": tok.eos_token_id,
           "eos_token_id": tok.eos_token_id, "max_length": 200, "pad_token_id": tok.pad_token_id}
    (out / "generation_config.json").write_text(json.dumps(gen, indent=2), encoding="utf-8")
    cfg_path = out / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    for key in ("src_lang", "tgt_lang"):  # the published configs name no language: the tokenizer default applies
        cfg.pop(key, None)
    cfg["model_max_length"] = 1024
    cfg_path.write_text(json.dumps(cfg, ensure_ascii=False, indent=2), encoding="utf-8")
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
                "sep_token": "</s>", "cls_token": "<s>", "additional_special_tokens": codes}
    if arch == "nllb":
        specials["mask_token"] = "<mask>"
    (out / "special_tokens_map.json").write_text(json.dumps(specials, indent=2), encoding="utf-8")
    _write_foreign(out, arch)


def make_published_m2m100(out: Path, lines: list[str]) -> None:
    """facebook/m2m100_418M as published: special_tokens_map.json with the language tokens, no src_lang."""
    from transformers import M2M100Tokenizer
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    tmp = _m2m100_vocabulary(out, lines)
    codes = [f"__{c}__" for c in FAIRSEQ_LANGUAGE_CODES["m2m100"]]
    tok = M2M100Tokenizer(str(tmp / "vocab.json"), str(tmp / "sentencepiece.bpe.model"),
                          additional_special_tokens=codes)
    _published_m2m_family(out, tok, "m2m100", tok.num_madeup_words, codes)
    _remove(tmp)


def make_published_nllb(out: Path, lines: list[str]) -> None:
    """facebook/nllb-200-distilled-600M as published: tokenizer.json, no src_lang, 1024 positions."""
    from transformers import NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    sp = train_spm(lines, 400, model_type="bpe", unk_id=3, pad_id=1, bos_id=0, eos_id=2)
    tmp = out / "_spm"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "sentencepiece.bpe.model").write_bytes(sp)
    tok = NllbTokenizer.from_pretrained(str(tmp), extra_special_tokens=list(FAIRSEQ_LANGUAGE_CODES))
    _published_m2m_family(out, tok, "nllb", 2, list(FAIRSEQ_LANGUAGE_CODES))
    if not (out / "sentencepiece.bpe.model").exists():
        (out / "sentencepiece.bpe.model").write_bytes(sp)
    _remove(tmp)


PUBLISHED = {"marian": make_published_marian, "marian-multi": make_published_marian_multi,
             "m2m100": make_published_m2m100, "nllb": make_published_nllb}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--arch", choices=sorted(set(BUILDERS) | set(PUBLISHED)), default="marian")
    ap.add_argument("--published", action="store_true",
                    help="mirror the hub repository's files (.bin weights, separate spm models, foreign weights)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import torch

    torch.manual_seed(args.seed)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    builders = PUBLISHED if args.published else BUILDERS
    if args.arch not in builders:
        ap.error(f"--arch {args.arch} needs --published")
    builders[args.arch](args.out_dir, corpus())
    print(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
