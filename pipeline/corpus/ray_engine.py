"""Translation on a Ray cluster: the misses of a run go through Ray Data ``map_batches`` on an actor pool.

Why Ray: when one machine is not enough, a maintained distributed engine (scheduling, retries of lost
workers, back-pressure, autoscaling) is worth far more than a home-made one. Why this shape: the driver
does everything cheap and stateful as the local path does (reading, segmenting, the translation memory,
splitting long sentences, planning length-sorted batches, writing each document atomically); only the
planned batches travel, as a dataset with one row per batch, to actors that each hold one CTranslate2
translator (the model loaded once per actor) and translate, check and retry them with the local path's
own code. Same batches, same decoding, same code: the same bitexts as a run on one machine.

Workers need ``bilingual[ray,ct2]`` installed, and the converted model either at the same path (a shared
file system) or shipped through Ray's object store (``--ray-ship-model``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import TranslateConfig
from pipeline.errors import ModelError, first_line
from pipeline.translate.checks import Checks
from pipeline.translate.engines.base import Decoding, LoadedModel
from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
from pipeline.translate.memory import Entry

#: The engine whose translators the actors run: ``--ray`` needs it (``bilingual run`` says so).
RAY_ENGINE = CTranslate2Engine.name

#: CPUs (and so CTranslate2 threads) per actor when --ray-actors is not given: two one-thread replicas
#: per actor, the setting that is fastest per core on a CPU (see ct2_threads).
CPUS_PER_ACTOR = 2


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as err:
        raise ModelError("--ray needs the optional extra: pip install 'bilingual[ray]'") from err
    return ray


def model_bundle(path: Path) -> dict[str, bytes]:
    """Every file of a converted model by relative path, to ship it to workers that cannot read ``path``."""
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def unpack_bundle(bundle: dict[str, bytes]) -> Path:
    where = Path(tempfile.mkdtemp(prefix="bilingual-model-"))
    for rel, data in bundle.items():
        target = where / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return where


class BatchTranslator:
    """A Ray Data actor: one CTranslate2 translator, fed one planned batch per row."""

    def __init__(self, path: str, config: dict[str, Any], input_positions: int | None, decoding: dict[str, Any],
                 retry: bool, split: bool, bundle: list[Any] | None = None) -> None:
        from pipeline.translate.process import configure

        t = TranslateConfig(**config)
        model_path = Path(path)
        if bundle is not None:
            import ray

            model_path = unpack_bundle(ray.get(bundle[0]))
        configure(t)  # the actor's process is ours: the same set-up as `bilingual translate`
        self.engine = CTranslate2Engine(model_path, t, input_positions=input_positions)
        self.decoding = Decoding(**decoding)
        self.checks = Checks.from_config(t)
        self.retry = retry
        # split a batch over the replicas only where the local run would (its few batches): same output
        self.parts = None if split else 1

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        from pipeline.translate.stage import TranslateReport, checked_batches

        entries_json, retried = [], []
        for texts in batch["texts"]:
            report = TranslateReport()
            entries = next(checked_batches(self.engine, [[str(x) for x in texts]], self.decoding, self.checks,
                                           self.retry, report, parts=self.parts))
            entries_json.append(json.dumps([dataclasses.asdict(e) for e in entries], ensure_ascii=False))
            retried.append(report.retried)
        return {"i": np.asarray(batch["i"]), "entries": np.asarray(entries_json, dtype=object),
                "retried": np.asarray(retried)}


class RayEngine:
    """The Engine the translate stage sees: tokens are counted here, batches are translated by the actor pool."""

    name = CTranslate2Engine.name

    def __init__(self, address: str, t: TranslateConfig, model: LoadedModel, *, actors: int = 0,
                 ship_model: bool = False) -> None:
        ray = _import_ray()
        self.ray = ray
        self.config = t
        self.model = model
        self.local = CTranslate2Engine(model.resolved.path, t, input_positions=model.input_positions,
                                       load_translator=False)
        self.input_limit = self.local.input_limit
        if not ray.is_initialized():
            try:
                ray.init(address=None if address == "auto" else address, include_dashboard=False,
                         logging_level=logging.WARNING, log_to_driver=False)
            except Exception as err:  # noqa: BLE001 - no cluster at that address, version mismatch...
                raise ModelError(f"--ray {address}: cannot connect to the Ray cluster "
                                 f"({first_line(err)})") from err
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.actors = actors or max(1, cpus // CPUS_PER_ACTOR)
        self.cpus_per_actor = max(1, cpus // self.actors) if actors else min(cpus, CPUS_PER_ACTOR)
        self.bundle = [ray.put(model_bundle(model.resolved.path))] if ship_model else None

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.local.count_tokens(texts)

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Any]]:
        raise NotImplementedError("RayEngine translates through translate_checked")  # pragma: no cover

    def translate_checked(self, batches: Sequence[Sequence[str]], decoding: Decoding,
                          retry: bool) -> Iterator[tuple[list[Entry], int]]:
        """Each planned batch's checked entries and retry count, in the order of ``batches``."""
        if not batches:
            return
        ray = self.ray
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # results come back in the order the stage planned
        ctx.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # our own progress line says how far it is
        rows = [{"i": i, "texts": list(b)} for i, b in enumerate(batches)]
        ds = ray.data.from_items(rows, override_num_blocks=min(len(rows), 4 * self.actors))
        threads = dataclasses.replace(self.config, threads=self.cpus_per_actor)
        out = ds.map_batches(
            BatchTranslator, batch_size=1, batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=self.actors),
            num_cpus=self.cpus_per_actor,
            fn_constructor_kwargs={"path": str(self.model.resolved.path), "config": dataclasses.asdict(threads),
                                   "input_positions": self.model.input_positions,
                                   "decoding": dataclasses.asdict(decoding), "retry": retry,
                                   "split": len(batches) < self.local.inter, "bundle": self.bundle},
        )
        expected = 0
        for row in out.iter_rows():
            if int(row["i"]) != expected:
                raise RuntimeError(f"Ray returned batch {row['i']} where {expected} was expected")
            expected += 1
            yield [Entry(**e) for e in json.loads(row["entries"])], int(row["retried"])


def ray_engine_factory(address: str, actors: int = 0,
                       ship_model: bool = False) -> Callable[[TranslateConfig, LoadedModel], RayEngine]:
    """The engine factory the runner hands to the translate stage for ``--ray``."""
    return lambda t, model: RayEngine(address, t, model, actors=actors, ship_model=ship_model)
