-- Marks a fully loaded generation ready and makes it the next one for the hand-over; a generation
-- that was ready and not yet switched to is superseded (retired).
-- KEYS[1] next pointer; ARGV[1] key prefix, ARGV[2] generation
local meta = ARGV[1] .. 'g' .. ARGV[2] .. ':meta'
if redis.call('HGET', meta, 'state') ~= 'loading' then return redis.error_reply('NOTLOADING') end
local prev = redis.call('GET', KEYS[1])
if prev and prev ~= ARGV[2] then
  redis.call('HSET', ARGV[1] .. 'g' .. prev .. ':meta', 'state', 'retired')
end
redis.call('HSET', meta, 'state', 'ready')
redis.call('SET', KEYS[1], ARGV[2])
return 1
