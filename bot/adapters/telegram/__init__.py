"""Telegram transport: aiogram and python-telegram-bot adapters over one shared glue."""
