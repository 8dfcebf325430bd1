"""The check-in timer (issue 15 item 2): "ask me every N days for M weeks".

plan.py (the plan and its phases), store.py (Redis: the plan key and the sorted set of due
times, claimed atomically), step.py (the engine's /checkin setup and the answers), screens.py
(what each setup screen shows), typed.py (a setting typed instead of pressed: the words),
typed_setup.py (a typed setting or clock applied to the draft plan), timezones.py (times in
the person's own clock), answers.py (an answer under a check-in), scheduler.py
(asks, notices missed check-ins, tells the operators), operators.py (the handoff's side).
"""
