/**
 * The Lua scripts of the Redis store. Each runs atomically in Redis, which is what makes a
 * compare-and-set and a claim safe between runner instances.
 */

/**
 * KEYS[1] the record hash; ARGV: expected revision (0: absent), value, TTL in ms.
 * Returns the new revision, or nil when the record is not at the expected revision.
 */
export const COMPARE_AND_SET = `
local current = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if current ~= tonumber(ARGV[1]) then return false end
local nextRevision = current + 1
redis.call('HSET', KEYS[1], 'rev', nextRevision, 'value', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return nextRevision
`;

/**
 * KEYS[1] due times (sorted set), KEYS[2] payloads (hash); ARGV: id, payload, due time.
 * An id already queued keeps its payload and due time.
 */
export const ENQUEUE = `
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return 0
`;

/**
 * KEYS[1] due times, KEYS[2] payloads, KEYS[3] attempt counts; ARGV: now, limit, lease end.
 * Claims the items due by now (earliest first) by moving their due time to the lease end, so no
 * other claimer sees them until the lease runs out. Returns id, payload, attempts before this
 * claim, for each item in turn.
 */
export const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local claimed = {}
for _, id in ipairs(ids) do
  local payload = redis.call('HGET', KEYS[2], id)
  if payload then
    local attempts = redis.call('HINCRBY', KEYS[3], id, 1) - 1
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    claimed[#claimed + 1] = id
    claimed[#claimed + 1] = payload
    claimed[#claimed + 1] = attempts
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return claimed
`;
