-- One player of a season in the current generation with the player's global rank (0-based),
-- read atomically with the generation's stamp. Key names follow RedisLayout.
-- KEYS[1] current pointer; ARGV[1] key prefix, ARGV[2] season, ARGV[3] player id
-- Returns {generation, version, watermark, applied, rank or -1, total, {field, value, ...}} or nil.
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local gp = ARGV[1] .. 'g' .. gen .. ':'
local meta = redis.call('HMGET', gp .. 'meta', 'version', 'watermark', 'applied')
local board = gp .. ARGV[2] .. ':lb:global'
local rank = redis.call('ZRANK', board, ARGV[3])
return {gen, meta[1], meta[2], meta[3], rank or -1, redis.call('ZCARD', board),
  redis.call('HGETALL', gp .. ARGV[2] .. ':p:' .. ARGV[3])}
