# syntax=docker/dockerfile:1
# safe-migration-bot: `docker build -t safe-migration-bot .`, or `docker compose up -d` (see
# docs/DEPLOY.md). Two stages: the first installs with scripts/install-production.sh (the same
# command as a systemd install) and compiles the catalogs; the second holds only the venv,
# content, catalogs and NLU data, and runs as an unprivileged user.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
COPY locales ./locales
COPY scripts/install-production.sh ./scripts/
RUN scripts/install-production.sh /opt/venv

FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="safe-migration-bot" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
RUN useradd --system --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin smbot
COPY --from=build /opt/venv /opt/venv
COPY --from=build /src/locales /app/locales
COPY content /app/content
COPY nlu/data /app/nlu/data
# The verified facts (hotlines, indicators) the content's phone numbers are checked against.
COPY data/facts /app/data/facts
# The package lives in the venv, so the data directories are named explicitly.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BOT_CONTENT_DIR=/app/content \
    BOT_LOCALES_DIR=/app/locales \
    BOT_FACTS_DIR=/app/data/facts \
    NLU_DATA_DIR=/app/nlu/data \
    WEBHOOK_LISTEN=0.0.0.0:8080 \
    BOT_HEALTH_LISTEN=0.0.0.0:8081
WORKDIR /app
USER 10001:10001
# 8080: Telegram's webhook and, in webhook mode, /healthz /readyz /metrics; 8081: the same
# three in polling mode.
EXPOSE 8080 8081
# The embedded model trains at start-up (seconds): give it a start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["safe-migration-bot", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["safe-migration-bot"]
CMD ["run"]
