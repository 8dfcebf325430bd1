"""break15 reuses the engine suite's fixtures (a real engine over the real content and model)
and the check-in suite's running bot (fake Bot API, real redis-server, fake clock)."""

from tests.checkin.conftest import bot, clock, framework  # noqa: F401
from tests.core.conftest import (  # noqa: F401
    chat,
    content_holder,
    engine,
    i18n,
    make_engine,
    recognizer,
    settings,
)
