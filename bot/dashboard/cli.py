"""`python -m bot dashboard`: serve the NGO's dashboard on DASHBOARD_LISTEN until stopped."""

from __future__ import annotations

import argparse
import asyncio
import logging

from aiohttp import web

from bot.config import ConfigError, Settings, load_settings
from bot.dashboard.app import DashboardConfig, build_app
from bot.i18n import I18n
from bot.privacy import Pseudonymizer
from bot.storage.redis import connect

log = logging.getLogger(__name__)


def config_from(settings: Settings) -> DashboardConfig:
    """The dashboard's configuration; ConfigError names the setting that is missing."""
    if not settings.redis.url:
        raise ConfigError("REDIS_URL: not set; the dashboard reads the counters from Redis")
    if not settings.bot.pseudonym_key:
        raise ConfigError("BOT_PSEUDONYM_KEY: not set; the dashboard shows keyed hashes only")
    dashboard = settings.dashboard
    token = dashboard.token.get_secret_value() if dashboard.token else None
    bot_token = settings.telegram.bot_token.get_secret_value() \
        if settings.telegram.bot_token else ""
    if not token and not (dashboard.bot_username and bot_token):
        raise ConfigError("DASHBOARD_TOKEN: not set (nor DASHBOARD_BOT_USERNAME with "
                          "TELEGRAM_BOT_TOKEN): nobody could sign in")
    redis = connect(settings.redis.url, sentinels=settings.redis.sentinel_addresses,
                    master=settings.redis.sentinel_master,
                    sentinel_password=settings.redis.sentinel_password_value)
    return DashboardConfig(
        redis=redis, i18n=I18n(settings.bot.locales_dir),
        pseudonymizer=Pseudonymizer(settings.bot.pseudonym_key.get_secret_value()),
        content_dir=settings.bot.content_dir, timezone=settings.operators.timezone,
        language=dashboard.language, token=token, session_s=dashboard.session_minutes * 60,
        bot_token=bot_token, bot_username=dashboard.bot_username,
        operator_ids=settings.operators.id_set, login_max_age_s=dashboard.login_max_age_s,
        # Behind a TLS proxy on anything but loopback: the cookie must not travel in clear.
        secure_cookie=dashboard.host not in ("127.0.0.1", "localhost", "::1"),
    )


async def serve(config: DashboardConfig, host: str, port: int) -> None:
    """Run until cancelled (Ctrl-C)."""
    runner = web.AppRunner(build_app(config), access_log=None)  # access logs carry addresses
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        log.info("dashboard on http://%s:%d/", host, port)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        await config.redis.aclose()


def main(args: argparse.Namespace) -> int:
    """Entry point of `python -m bot dashboard`."""
    settings = load_settings()
    logging.basicConfig(level=settings.bot.log_level)
    config = config_from(settings)
    asyncio.run(serve(config, settings.dashboard.host, settings.dashboard.port))
    return 0
