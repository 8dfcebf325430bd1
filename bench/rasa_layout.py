"""One Rasa model for all languages, or one per language? Measured on the same test file.

Trains (unless --no-train) `all` on nlu/data and `ru`, `be`, `en` on nlu/data/<lang> with
nlu/config.yml, classifies nlu/tests/test_nlu.yml in-process under .venv-rasa (the
per-language run routes each utterance by `detect_language`, as the bot would), and prints
the metrics of `python -m bot nlu eval` for both layouts and the embedded model.

Usage: .venv/bin/python bench/rasa_layout.py [--test FILE] [--out DIR] [--no-train]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `tests.helpers` and `bot` import from a checkout

from bot.config import load_settings  # noqa: E402
from bot.nlu.base import IntentResult  # noqa: E402
from bot.nlu.cli import build_triage  # noqa: E402
from bot.nlu.data import load_examples  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402
from bot.nlu.evaluate import Outcome, format_table  # noqa: E402
from bot.nlu.language import detect_language  # noqa: E402
from tests.helpers.rasa import rasa_env, train_nlu  # noqa: E402

RASA = ROOT / ".venv-rasa" / "bin"


def train(name: str, data: Path, out: Path) -> float:
    config = (ROOT / "nlu" / "config.yml").read_text(encoding="utf-8")
    if name != "all":
        config = config.replace("language: xx", f"language: {name}")
    config_path = out / f"config-{name}.yml"
    config_path.write_text(config, encoding="utf-8")
    return train_nlu(RASA / "rasa", config=config_path, nlu=data, out=out, name=name,
                     cache_dir=out / ".cache")  # fmt: skip


def predict(rows: list[dict[str, str]]) -> list[IntentResult]:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "predictions.jsonl"
        subprocess.run(
            [str(RASA / "python"), str(ROOT / "bench" / "_rasa_predict.py"), str(output)],
            input=lines, capture_output=True, text=True, check=True, env=rasa_env(),
        )  # fmt: skip
        predicted = output.read_text(encoding="utf-8").splitlines()
    results = []
    for line in predicted:
        row = json.loads(line)
        ranking = tuple((name, float(conf)) for name, conf in row["ranking"])
        results.append(IntentResult(row["intent"], float(row["confidence"]), ranking, "rasa"))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", default=str(ROOT / "nlu" / "tests" / "test_nlu.yml"))
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "rasa-layout"))
    parser.add_argument("--no-train", action="store_true", help="reuse the models in --out")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = load_settings()
    data = settings.nlu.data_dir
    if not args.no_train:
        for name in ("all", "ru", "be", "en"):
            seconds = train(name, data if name == "all" else data / name, out)
            print(f"trained {name} in {seconds:.0f} s", flush=True)
    examples = load_examples(Path(args.test))
    triage = build_triage(settings)
    one = predict([{"text": e.text, "model": str(out / "all.tar.gz")} for e in examples])
    routed = [detect_language(e.text) for e in examples]
    per = predict([{"text": e.text, "model": str(out / f"{lang}.tar.gz")}
                   for e, lang in zip(examples, routed, strict=True)])  # fmt: skip
    embedded = EmbeddedRecognizer.from_data_dir(data)
    local = [asyncio.run(embedded.parse(e.text)) for e in examples]
    named: dict[str, list[Outcome]] = {
        run: [(e, r, triage.assess(e.text, r)) for e, r in zip(examples, results, strict=True)]
        for run, results in
        (("embedded", local), ("rasa one model", one), ("rasa per language", per))
    }  # fmt: skip
    misrouted = sum(lang != e.language for e, lang in zip(examples, routed, strict=True))
    print(f"{len(examples)} utterances from {args.test}; {misrouted} routed to another "
          f"language's model by detect_language\n")  # fmt: skip
    print(format_table(named))
    return 0


if __name__ == "__main__":
    sys.exit(main())
