"""Human operators: alerts through a durable queue, take-over, relay both ways, anonymous stats."""
