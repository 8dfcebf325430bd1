"""Run under .venv-rasa: classify utterances with trained Rasa models in-process.

stdin: JSON lines {"text": ..., "model": "<path to .tar.gz>"}; the file named by the first
argument: the same lines with "intent", "confidence" and "ranking" added (stdout carries
Rasa's own chatter). Used by bench/rasa_layout.py to compare one model for all languages
with one model per language without running three servers.
"""

import asyncio
import json
import sys
from typing import Any


async def classify(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agents: dict[str, Agent] = {}
    for row in rows:
        path = row["model"]
        if path not in agents:
            agents[path] = Agent.load(path)
        parsed = await agents[path].parse_message(row["text"])
        row["intent"] = parsed["intent"]["name"]
        row["confidence"] = parsed["intent"]["confidence"]
        row["ranking"] = [[r["name"], r["confidence"]] for r in parsed.get("intent_ranking", [])]
    return rows


def main() -> None:
    rows = [json.loads(line) for line in sys.stdin if line.strip()]
    done = asyncio.run(classify(rows))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in done)


if __name__ == "__main__":
    main()
