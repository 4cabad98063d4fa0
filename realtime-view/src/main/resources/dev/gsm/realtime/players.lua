-- Reads many player hashes in one round trip (the speed layer reads a whole batch's players).
-- KEYS player hash keys. Returns one HGETALL reply per key, in order.
local out = {}
for i, k in ipairs(KEYS) do
  out[i] = redis.call('HGETALL', k)
end
return out
