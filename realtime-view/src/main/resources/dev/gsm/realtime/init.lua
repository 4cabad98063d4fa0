-- Creates an empty live generation (watermark 0) when there is no current one: first start.
-- KEYS[1] current pointer, KEYS[2] generation sequence; ARGV[1] key prefix, ARGV[2] now (ms)
local cur = redis.call('GET', KEYS[1])
if cur then return tonumber(cur) end
local gen = redis.call('INCR', KEYS[2])
redis.call('HSET', ARGV[1] .. 'g' .. gen .. ':meta', 'state', 'live', 'version', '', 'watermark', '0',
  'applied', '0', 'created_at', ARGV[2], 'layout', 'packed')
redis.call('SET', KEYS[1], gen)
return gen
