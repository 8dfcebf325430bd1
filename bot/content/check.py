"""`python -m bot content check`: list every content problem as file:line for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import BotSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `content check` options, shared by this module's parser and `python -m bot`."""
    parser.add_argument(
        "--dir", type=Path, default=None,
        help="content directory (default: BOT_CONTENT_DIR if set, else content/)"
    )
    parser.add_argument(
        "--facts", type=Path, default=None,
        help="facts directory (default: BOT_FACTS_DIR if set, else $FACTS_DIR, else data/facts "
             "beside the content directory, else this repository's data/facts)"
    )
    parser.add_argument(
        "--locales", type=Path, default=None,
        help="UI catalogs directory (default: BOT_LOCALES_DIR, as the bot reads it)"
    )


def main(argv: list[str] | None = None) -> int:
    """Print all problems and a summary; exit 1 on any error, 0 when there are only warnings."""
    parser = argparse.ArgumentParser(
        prog="python -m bot content check",
        description="Check the content YAML files (answers, hotlines, flows, ...) for problems.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """The `content check` command for arguments parsed with `add_arguments` (`dir`, `facts`)."""
    # Imported here so that `python -m bot` can build its parser without loading pydantic models.
    from bot.config import REPO_ROOT, BotSettings
    from bot.content.canned import canned_path, read_canned
    from bot.content.loader import check_content
    from bot.content.problems import Problem
    from bot.content.yamlfile import display_name
    from bot.core.adcheckers import AdCheckers
    from bot.i18n import I18n
    from bot.modelcache import model_cache_at
    from bot.nlu.phrase_breadth import breadth_problems

    # The same settings as the bot (BOT_*_DIR in the environment or .env), so that the upgrade
    # gate checks what the bot will load, also from a production venv (docs/DEPLOY.md).
    configured = BotSettings()
    directory: Path = args.dir or _default_dir(configured)
    facts_dir: Path | None = args.facts or configured.facts_dir
    # `locales` is newer than `dir` and `facts`: a Namespace built without it means the default.
    locales: Path = getattr(args, "locales", None) or configured.locales_dir
    # The catalogs the screens are measured with, read once for this check; the ad check's
    # model from BOT_MODEL_CACHE_DIR when it is set and holds the model of these rules.
    checkers = AdCheckers(cache=model_cache_at(configured.model_cache_dir))
    _, problems = check_content(directory, facts_dir=facts_dir, i18n=I18n(locales),
                                ad_checkers=checkers)
    # Danger phrases too broad for the held-out advice and service lines (issue 10). Those
    # lines are test data of a clone (nlu/tests), never installed in the package: found beside
    # the package (a developer's checkout) or beside the content directory (the clone a
    # systemd install runs from); without them, say so.
    phrases_file = directory / "danger_phrases.yaml"
    places = [REPO_ROOT / "nlu" / "tests", directory.resolve().parent / "nlu" / "tests"]
    heldout = next((place for place in places if place.is_dir()), None)
    if heldout is not None:
        problems += breadth_problems(phrases_file, [heldout])
    else:
        problems.append(Problem(
            display_name(phrases_file), None, "warning",
            "danger phrases not checked for breadth: the held-out lines (nlu/tests) are only "
            "in a clone of the repository; run `python -m bot content check` there for it",
        ))
    # Canned replies are read on use (a broken one never stops the bot), but checked here too.
    problems = [*problems, *read_canned(canned_path(directory)).problems]
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    verdict = "the bot will not start with this content" if errors else "content OK"
    print(f"{errors} error(s), {warnings} warning(s) in {directory}: {verdict}")
    return 1 if errors else 0


def _default_dir(configured: BotSettings) -> Path:
    # The configured BOT_CONTENT_DIR (environment or .env): the content the bot will load, also
    # from a production venv whose package has no content/ beside it (docs/DEPLOY.md).
    if "content_dir" in configured.model_fields_set:
        return configured.content_dir
    # Else content/ of the working directory, else the repository's own content/.
    here = Path("content")
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / "content"


if __name__ == "__main__":
    sys.exit(main())
