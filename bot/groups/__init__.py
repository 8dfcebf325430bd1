"""Storage for the group features: settings, the hourly reply cap and counters (Redis, with
in-memory stand-ins while Redis is away). The logic is in `bot.core.groups`."""
