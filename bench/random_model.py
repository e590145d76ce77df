"""The random-weight opus-mt-id-en-shaped model that the speed benches translate with, built once per work folder.

The model has exactly the shape of Helsinki-NLP/opus-mt-id-en (MarianMT, d_model 512, 6+6 layers, 8 heads,
FFN 2048, shared embeddings, 54,796-token vocabulary) with RANDOM weights, and a sentencepiece vocabulary
trained here on the Indonesian dev text (padded to the real vocabulary size). Random weights say nothing
about quality, only about speed. So that every system does the same work, the end-of-sentence token is
disabled (a large negative logit bias) and every batch generates exactly
``min(MAX_NEW, max(16, ceil(RATIO x its longest source)))`` tokens (``cap``), with beam ``BEAM`` everywhere.

Why a module of its own: bench/translate.py and bench/many_files.py time the same model with the same
decoding rule; building, converting and the rule live here once.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "mt-dev" / "id.txt"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VOCAB_SIZE = 54796  # opus-mt-id-en
BEAM = 4
RATIO = 1.2
MAX_NEW = 512
BATCH = 16


def cap(n_source_tokens: int) -> int:
    """Tokens every system generates for a batch whose longest source has ``n_source_tokens``."""
    from pipeline.translate.batching import output_cap

    return output_cap(n_source_tokens, RATIO, MAX_NEW)


def build_model(out: Path) -> None:
    """A random opus-mt-id-en-shaped Marian model with a sentencepiece vocabulary from the dev text."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(0)
    text = [ln.strip() for ln in DEV.read_text(encoding="utf-8").splitlines() if ln.strip()]
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text), model_writer=buf, vocab_size=8000, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, unk_id=1, pad_id=-1, bos_id=-1, eos_id=0,
        eos_piece="</s>", unk_piece="<unk>", minloglevel=2,
    )
    proc = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(proc.get_piece_size()):
        vocab.setdefault(proc.id_to_piece(i), len(vocab))
    filler = 0
    while len(vocab) < VOCAB_SIZE - 1:  # pad to the real size: the output layer is what costs
        vocab.setdefault(f"\u2581x{filler}", len(vocab))
        filler += 1
    vocab["<pad>"] = len(vocab)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "_spm"
    tmp.mkdir(exist_ok=True)
    (tmp / "source.spm").write_bytes(buf.getvalue())
    (tmp / "target.spm").write_bytes(buf.getvalue())
    (tmp / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(str(tmp / "source.spm"), str(tmp / "target.spm"), str(tmp / "vocab.json"),
                          source_lang="id", target_lang="en")
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=VOCAB_SIZE, decoder_vocab_size=VOCAB_SIZE, d_model=512, encoder_layers=6, decoder_layers=6,
        encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048,
        max_position_embeddings=512, activation_function="swish", scale_embedding=True,
        share_encoder_decoder_embeddings=True, static_position_embeddings=True, pad_token_id=pad,
        eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0, num_beams=BEAM, max_length=512,
    )
    model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[0, 0] = -1e4  # never </s>: every system generates exactly its cap
    model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(out)
    tok.save_pretrained(out)
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()


def prepare(work: Path) -> tuple[Path, Path]:
    """The model in ``work`` and its int8 CTranslate2 conversion, each made on first use and then reused.

    Sets BILINGUAL_MODELS_DIR to ``work/models`` for this process and its children, so ``--engine
    ctranslate2`` finds the conversion there (a bench script is a whole process of its own).
    """
    model = work / "opus-mt-id-en-random"
    if not (model / "config.json").is_file():
        print(f"building the random opus-mt-id-en-shaped model in {model} ...", file=sys.stderr)
        build_model(model)
    models_dir = work / "models"
    os.environ["BILINGUAL_MODELS_DIR"] = str(models_dir)
    from pipeline.translate.spm_tokenizer import SPEC_FILE
    from pipeline.translate.hub.convert import convert_model
    from pipeline.translate.hub.resolve import ct2_dir

    ct2 = ct2_dir(str(model), models_dir)
    # without the tokenizer spec the conversion is an older one that CTranslate2 runs through transformers
    if not (ct2 / "model.bin").is_file() or not (ct2 / SPEC_FILE).is_file():
        print("converting with `bilingual models convert --quantization int8` ...", file=sys.stderr)
        convert_model(str(model), quantization="int8", models_dir=models_dir)
    return model, ct2
