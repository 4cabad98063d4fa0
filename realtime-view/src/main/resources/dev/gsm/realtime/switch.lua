-- The hand-over's one atomic step: the ready generation becomes current, the old one retired.
-- Refused when the new generation is behind the live one (catch up first) or covers less than it
-- (a stale batch view must never replace a newer one).
-- KEYS[1] current pointer, KEYS[2] next pointer; ARGV[1] key prefix, ARGV[2] new generation
-- Returns the old generation (-1 if none), or -2 when behind.
local newMeta = ARGV[1] .. 'g' .. ARGV[2] .. ':meta'
if redis.call('HGET', newMeta, 'state') ~= 'ready' then return redis.error_reply('NOTREADY') end
local cur = redis.call('GET', KEYS[1])
if cur then
  local curMeta = ARGV[1] .. 'g' .. cur .. ':meta'
  local m = redis.call('HMGET', curMeta, 'applied', 'watermark')
  local n = redis.call('HMGET', newMeta, 'applied', 'watermark')
  if tonumber(n[2]) < tonumber(m[2] or '0') then return redis.error_reply('STALE') end
  if tonumber(n[1]) < tonumber(m[1] or '0') then return -2 end
  redis.call('HSET', curMeta, 'state', 'retired')
end
redis.call('HSET', newMeta, 'state', 'live')
redis.call('SET', KEYS[1], ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
return tonumber(cur or '-1')
