"""The Lua check-and-sets on a case (`CaseStore`): each runs atomically in Redis, so of two
replicas, or an operator and the person, only one changes the case."""

# Reopen a closed case (atomic): back to "new" (the person asked again) or "taken" (an
# operator continued it); the close's fields go, so the next close asks the outcome again.
# Only while it is still the person's last case (KEYS[2] names it): a person has at most one
# open case, so a case the person has since replaced by a new one is never reopened beside it.
REOPEN = """
if redis.call('HGET', KEYS[1], 'state') ~= 'closed' then return 0 end
if redis.call('GET', KEYS[2]) ~= ARGV[7] then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'operator', ARGV[2], 'operator_name', ARGV[3],
           'taken_at', ARGV[4], 'created', ARGV[5])
redis.call('HDEL', KEYS[1], 'closed_at', 'closed_by', 'closed_name', 'outcome', 'unreachable')
redis.call('EXPIRE', KEYS[1], ARGV[6])
redis.call('SET', KEYS[2], ARGV[7], 'EX', ARGV[6])
return 1
"""
# Hand an open case to another operator (atomic): returns the previous operator's id, or -1
# when the case is not open.
TRANSFER = """
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'new' and state ~= 'taken' then return -1 end
local before = tonumber(redis.call('HGET', KEYS[1], 'operator') or '0') or 0
if state == 'new' then redis.call('HSET', KEYS[1], 'taken_at', ARGV[3]) end
redis.call('HSET', KEYS[1], 'state', 'taken', 'operator', ARGV[1], 'operator_name', ARGV[2])
return before
"""
