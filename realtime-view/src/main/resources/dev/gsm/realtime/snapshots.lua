-- Several players of a season in the current generation with their activity histories, read
-- atomically with the generation's stamp (match-quality predictions). Key names follow RedisLayout.
-- KEYS[1] current pointer; ARGV[1] key prefix, ARGV[2] season, ARGV[3..] player ids
-- Returns {generation, version, watermark, applied, then per player: packed state or false, history
-- or false} or nil when there is no generation.
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local gp = ARGV[1] .. 'g' .. gen .. ':'
local meta = redis.call('HMGET', gp .. 'meta', 'version', 'watermark', 'applied')
local out = {gen, meta[1], meta[2], meta[3]}
for i = 3, #ARGV do
  out[#out + 1] = redis.call('GET', gp .. ARGV[2] .. ':p:' .. ARGV[i])
  out[#out + 1] = redis.call('GET', gp .. 'h:' .. ARGV[i])
end
return out
