"""The NGO's private web dashboard: cases, the queue, content health; counters only."""
