#!/usr/bin/env bash
# `make test`: every test, in two parts, with Rasa's venv built beside the first part.
#
# .venv-rasa (Python 3.10, pip installs of Rasa: minutes on a fresh machine) is needed only by
# part 2's real-Rasa test, so scripts/rasa-setup.sh runs in the background while `make setup`
# and part 1 run, and part 2 waits for it. Its output goes to a log printed when it is done.
# Without Python 3.10 the setup says so and the Rasa test skips; with REQUIRE_RASA=1 (CI) that
# setup must succeed: a missing Python 3.10 or a failed install fails the run, log printed.
# A failed setup never stops the tests: both parts always run, and the exit code is 1 if the
# setup or either part failed.
#
# Environment (set by the Makefile): MAKE, TEST_WORKERS (0: part 1 in this one process).
set -uo pipefail
cd "$(dirname "$0")/.."
MAKE="${MAKE:-make}"
WORKERS="${TEST_WORKERS:-2}"
PYTEST=(.venv/bin/python -m pytest)

# One directory of trained models for the whole run (BOT_MODEL_CACHE_DIR, bot/modelcache): the
# first bot process or content check that needs the embedded NLU or the ad check's sentence
# model trains it and saves it there; every later one, in either part, reads it (about 10 s of
# CPU less per process). A new, empty directory each run (never a developer's own), removed at
# the end; files are keyed by the content, nlu/data and the code, so a test's edited copy of
# the content trains its own model.
models="$(mktemp -d "${TMPDIR:-/tmp}/smb-models.XXXXXX")"
export BOT_MODEL_CACHE_DIR="$models"
rasa_log="$(mktemp "${TMPDIR:-/tmp}/rasa-setup.XXXXXX")"
rasa_args=(--if-possible)
[ "${REQUIRE_RASA:-}" = 1 ] && rasa_args=()
rasa_setup="scripts/rasa-setup.sh${rasa_args[*]:+ ${rasa_args[*]}}"
bash scripts/rasa-setup.sh "${rasa_args[@]}" >"$rasa_log" 2>&1 &
rasa_pid=$!
started=$SECONDS
# Interrupted or failed early: stop the background setup (it is safe to re-run), drop its log;
# at the end (or then) the models' directory goes too.
trap 'kill "$rasa_pid" 2>/dev/null; rm -f "$rasa_log"; rm -rf "$models"' EXIT
echo "run-tests: $rasa_setup runs in the background (pid $rasa_pid), its log follows part 1"

step() { echo "run-tests: $1 ($(( SECONDS - started )) s since the start)"; }

"$MAKE" --no-print-directory setup || { echo "run-tests: make setup failed" >&2; exit 1; }
# worksteal: a worker that runs out of tests takes pending ones from the other, so both end
# together even when long tests (whole-content checks, real bot processes) meet at the end.
dist=() where="in this process"
[ "$WORKERS" != 0 ] && dist=(-n "$WORKERS" --dist worksteal) where="on $WORKERS workers"
step "set up; part 1: the tests that may run side by side, $where"
"${PYTEST[@]}" "${dist[@]}" -m "not (replicas or rasa or serial)"
first=$?

step "part 1 done; waiting for $rasa_setup"
wait "$rasa_pid"
rasa=$?
echo "---- $rasa_setup: its log (exit $rasa) ----"
cat "$rasa_log"
echo "---- end of the $rasa_setup log ----"
[ "$rasa" -ne 0 ] && echo "run-tests: $rasa_setup failed (exit $rasa): see its log above" >&2

step "part 2: real process groups, one test at a time"
"${PYTEST[@]}" -m "replicas or rasa or serial"
second=$?
step "done"

[ "$first" -eq 0 ] && [ "$second" -eq 0 ] && [ "$rasa" -eq 0 ]
