"""`python -m bot content check`: list every content problem as file:line for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.content.loader import check_content


def main(argv: list[str] | None = None) -> int:
    """Print all problems and a summary; exit 1 on any error, 0 when there are only warnings."""
    parser = argparse.ArgumentParser(
        prog="python -m bot content check",
        description="Check the content YAML files (answers, hotlines, flows, ...) for problems.",
    )
    parser.add_argument("--dir", type=Path, default=Path("content"), help="content directory")
    parser.add_argument(
        "--facts", type=Path, default=None, help="facts directory (default: ../shared/facts)"
    )
    args = parser.parse_args(argv)
    _, problems = check_content(args.dir, facts_dir=args.facts)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    verdict = "the bot will not start with this content" if errors else "content OK"
    print(f"{errors} error(s), {warnings} warning(s) in {args.dir}: {verdict}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
