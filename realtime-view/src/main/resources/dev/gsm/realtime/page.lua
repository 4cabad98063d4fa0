-- One page of a board of the current generation, read atomically with the generation's stamp,
-- so a reader never mixes two generations. Key names follow RedisLayout.
-- KEYS[1] current pointer
-- ARGV[1] key prefix, ARGV[2] season, ARGV[3] board suffix, ARGV[4] start, ARGV[5] stop
-- Returns {generation, version, watermark, applied, total, {member, packed player state}...} or nil.
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local gp = ARGV[1] .. 'g' .. gen .. ':'
local meta = redis.call('HMGET', gp .. 'meta', 'version', 'watermark', 'applied')
local key = gp .. ARGV[2] .. ':lb:' .. ARGV[3]
local members = redis.call('ZRANGE', key, ARGV[4], ARGV[5])
local rows = {}
for i, m in ipairs(members) do
  rows[2 * i - 1] = m
  rows[2 * i] = redis.call('GET', gp .. ARGV[2] .. ':p:' .. m) or ''
end
return {gen, meta[1], meta[2], meta[3], redis.call('ZCARD', key), rows}
