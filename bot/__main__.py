"""`python -m bot` / `safe-migration-bot`: parse the command line and call the right runner."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bot.content.check import add_arguments as add_check_arguments


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safe-migration-bot", description="Safe-migration chatbot: chat, run, NLU, content."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    chat = sub.add_parser("chat", help="chat with the bot in this terminal (or from a pipe)")
    chat.add_argument("--lang", choices=["ru", "be", "en"], help="the client's language")

    sub.add_parser("run", help="run the Telegram bot (settings from the environment / .env)")

    nlu = sub.add_parser("nlu", help="intent recognition tools")
    nlu_sub = nlu.add_subparsers(dest="nlu_command", required=True)
    parse = nlu_sub.add_parser("parse", help="classify TEXT (or one utterance per stdin line)")
    parse.add_argument("text", nargs="*", help="utterances; none: read stdin")
    parse.add_argument("--backend", choices=["embedded", "rasa"], default=None)
    evaluate = nlu_sub.add_parser("eval", help="evaluate on a Rasa-format NLU test file")
    evaluate.add_argument("file", help="Rasa NLU YAML test file, e.g. nlu/tests/test_nlu.yml")
    evaluate.add_argument("--backend", choices=["local", "rasa", "both"], default="local")
    evaluate.add_argument("--report", metavar="DIR", help="write report.md and a confusion PNG")
    cv = nlu_sub.add_parser("cv", help="cross-validate the embedded model on its training data")
    cv.add_argument("--folds", type=int, default=5)
    cv.add_argument("--seed", type=int, default=0, help="fold assignment")
    cv.add_argument("--older-than", action="append", default=[], metavar="FILE",
                    help="also score only the lines of files not named FILE (repeatable), "
                    "e.g. negation.yml, to compare with figures from before that file")  # fmt: skip

    content = sub.add_parser("content", help="content tools")
    content_sub = content.add_subparsers(dest="content_command", required=True)
    check = content_sub.add_parser("check", help="validate content/ and print every problem")
    add_check_arguments(check)
    schemas = content_sub.add_parser(
        "schemas", help="write content/schemas/*.schema.json from the models (editor completion)"
    )
    schemas.add_argument("--check", action="store_true", help="exit 1 if a schema is stale")
    preview = content_sub.add_parser(
        "preview", help="show what a phone shows for an INTENT, COUNTRY or FLOW, screen by screen"
    )
    preview.add_argument(
        "target",
        help="an intent (legal_work_abroad), country (PL) or flow id (flow:job_offer_check)",
    )
    preview.add_argument("--lang", choices=["ru", "be", "en"], default="ru")
    preview.add_argument("--dir", type=Path, default=None, help="content directory")
    preview.add_argument(
        "--no-team", action="store_true",
        help="as shown without an operators' chat: [team] lines and 'Talk to a person' left out",
    )

    health = sub.add_parser("health", help="exit 0 when the running bot is alive (or ready)")
    health.add_argument("--ready", action="store_true", help="ask /readyz instead of /healthz")

    adcheck = sub.add_parser("adcheck", help="the job-ad check")
    adcheck_sub = adcheck.add_subparsers(dest="adcheck_command", required=True)
    ad_eval = adcheck_sub.add_parser("eval", help="per-flag precision and recall on labelled ads")
    ad_eval.add_argument(
        "file", nargs="?", default=None, help="labelled ads (YAML; default tests/data/ads.yaml)"
    )
    ad_eval.add_argument("--data", default=None, help="the same as FILE (kept for old scripts)")
    ad_eval.add_argument("--content", default=None, help="content directory")
    ad_eval.add_argument(
        "--leave-set-out", action="store_true",
        help="train the sentence model without the sentences taken from FILE's ads")
    ad_cv = adcheck_sub.add_parser(
        "cv", help="the sentence model's thresholds by cross-validation on the development ads")
    ad_cv.add_argument("files", nargs="*", help="labelled ads (default: the four development sets)")
    ad_cv.add_argument("--folds", type=int, default=5)
    ad_cv.add_argument("--seeds", type=int, default=1, help="repeat with this many fold splits")
    ad_cv.add_argument("--c", type=float, default=4.0, help="the model's regularisation C")
    ad_cv.add_argument("--honest", type=float, default=0.01,
                       help="the share of honest ads one flag of the model may be raised in")
    ad_cv.add_argument("--precision", type=float, default=0.8,
                       help="the model's own per-flag precision at least")
    ad_cv.add_argument("--lost", type=int, default=0,
                       help="ads with a flag the model's veto may lose on the development ads")
    ad_cv.add_argument("--content", default=None, help="content directory")
    ad_derive = adcheck_sub.add_parser(
        "derive", help="labelled sentences taken from labelled ads (YAML on stdout)")
    ad_derive.add_argument("files", nargs="+", help="labelled ads (never a held-out set)")
    ad_derive.add_argument("--content", default=None, help="content directory")

    stats = sub.add_parser("stats", help="anonymous case counts for the NGO's reports")
    stats.add_argument("--csv", metavar="FILE", help="write the counts as CSV")
    stats.add_argument("--days", type=int, default=90)

    sub.add_parser("dashboard", help="serve the NGO's web dashboard (DASHBOARD_* settings)")

    erase = sub.add_parser(
        "erase", help="erase people as /delete does, by pseudonym or by the user= of the log "
        "(after a restore: docs/DEPLOY.md, Backups)")
    erase.add_argument("names", nargs="*", metavar="NAME",
                       help="a case's pseudonym (calm-heron-421) or a logged user= key")
    erase.add_argument("--pending", action="store_true",
                       help="also everyone a restore found erased after the backup "
                       "(scripts/erasure-record.sh)")
    return parser


def _runner(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    # Imports are local so that `content check` does not pay for scikit-learn or aiogram.
    if args.command == "chat":
        from bot.adapters.console import main as chat_main

        return chat_main
    if args.command == "run":
        from bot.adapters.telegram.runner import main as run_main

        return run_main
    if args.command == "nlu":
        from bot.nlu import cli as nlu_cli

        return {"parse": nlu_cli.parse_main, "eval": nlu_cli.eval_main, "cv": nlu_cli.cv_main}[
            args.nlu_command
        ]
    if args.command == "content" and args.content_command == "schemas":
        from bot.content.schemas import main as schemas_main

        return schemas_main
    if args.command == "content" and args.content_command == "preview":
        from bot.content.preview import main as preview_main

        return preview_main
    if args.command == "content":
        from bot.content.check import run as check_run

        return check_run
    if args.command == "health":
        from bot.health import probe_main

        return probe_main
    if args.command == "adcheck":
        if args.adcheck_command == "cv":
            from bot.core.adcheck_cv import cv_main

            return cv_main
        if args.adcheck_command == "derive":
            from bot.core.adcheck_cv import derive_main

            return derive_main
        from bot.core.adcheck_eval import main as adcheck_main

        return adcheck_main
    if args.command == "stats":
        from bot.handoff.stats import main as stats_main

        return stats_main
    if args.command == "erase":
        from bot.erasure import main as erase_main

        return erase_main
    if args.command == "dashboard":
        from bot.dashboard.cli import main as dashboard_main

        return dashboard_main
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: returns the process exit code."""
    args = _parser().parse_args(argv)
    from bot.config import ConfigError
    from bot.content.problems import ContentError
    from bot.core.messenger import TransportUnreachable
    from bot.logformat import requested_log_format

    # The bot's own start-up errors follow BOT_LOG_FORMAT like its logs (a collector reading
    # JSON lines would drop plain ones); the editors' and operators' commands print text.
    as_json = args.command == "run" and requested_log_format() == "json"

    def report(*lines: str, exception: BaseException | None = None) -> None:
        if as_json:
            from bot.logformat import fatal_lines

            lines = tuple(fatal_lines(list(lines), exception))
        for line in lines:
            print(line, file=sys.stderr)

    try:
        return _runner(args)(args)
    except ConfigError as exc:
        report(f"configuration error: {exc}")
        return 2
    except ContentError as exc:  # file:line for the editor, not a traceback
        report(*(str(problem) for problem in exc.problems),
               f"{len(exc.errors)} error(s) in the content: not starting")
        return 2
    except TransportUnreachable as exc:  # not a setting: one line, exit 1, restart later
        report(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if not as_json:
            raise  # the traceback, as before
        # Its text and traceback can quote what a person wrote: the class only.
        report("the bot stopped on an unexpected error", exception=exc)
        return 1


if __name__ == "__main__":
    sys.exit(main())
