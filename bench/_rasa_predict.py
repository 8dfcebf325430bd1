"""Run under .venv-rasa: classify utterances with trained Rasa models in-process.

stdin: JSON lines {"text": ..., "model": "<path to .tar.gz>"}; the file named by the first
argument: the same lines with "intent", "confidence" and "ranking" added (stdout carries
Rasa's own chatter). Used by bench/rasa_layout.py to compare one model
for all languages with one model per language without running three servers.
"""

import asyncio
import json
import sys


async def main() -> None:
    from rasa.core.agent import Agent

    agents: dict[str, Agent] = {}
    out = open(sys.argv[1], "w", encoding="utf-8")  # noqa: SIM115
    for line in sys.stdin:
        row = json.loads(line)
        path = row["model"]
        if path not in agents:
            agents[path] = Agent.load(path)
        parsed = await agents[path].parse_message(row["text"])
        row["intent"] = parsed["intent"]["name"]
        row["confidence"] = parsed["intent"]["confidence"]
        row["ranking"] = [[r["name"], r["confidence"]] for r in parsed.get("intent_ranking", [])]
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.close()


if __name__ == "__main__":
    asyncio.run(main())
