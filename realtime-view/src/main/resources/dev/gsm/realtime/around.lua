-- The window of a board around one player, in the current generation, read atomically with the
-- generation's stamp (the player's rank and the page come from the same generation).
-- KEYS[1] current pointer
-- ARGV[1] key prefix, ARGV[2] season, ARGV[3] board suffix, ARGV[4] player, ARGV[5] ranks before,
-- ARGV[6] ranks after
-- Returns {generation, version, watermark, applied, total, start, {member, packed state}...}, or
-- {generation, ...,  total, -1, {}} when the player is not on the board, or nil.
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local gp = ARGV[1] .. 'g' .. gen .. ':'
local meta = redis.call('HMGET', gp .. 'meta', 'version', 'watermark', 'applied')
local key = gp .. ARGV[2] .. ':lb:' .. ARGV[3]
local total = redis.call('ZCARD', key)
local rank = redis.call('ZRANK', key, ARGV[4])
if not rank then return {gen, meta[1], meta[2], meta[3], total, -1, {}} end
local start = math.max(0, rank - tonumber(ARGV[5]))
local members = redis.call('ZRANGE', key, start, rank + tonumber(ARGV[6]))
local rows = {}
for i, m in ipairs(members) do
  rows[2 * i - 1] = m
  rows[2 * i] = redis.call('GET', gp .. ARGV[2] .. ':p:' .. m) or ''
end
return {gen, meta[1], meta[2], meta[3], total, start, rows}
