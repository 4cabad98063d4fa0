-- Appends matches to the match log, deduplicated by match id, atomically per call.
-- KEYS[1] ids hash (match_id -> "<offset>:<accepted ms>"), KEYS[2] offset counter, KEYS[3] log
-- ARGV[1] accepted_at (epoch ms), then pairs: match_id, match JSON (accepted_at, no log_offset)
-- Returns one {offset, accepted ms, duplicate 0/1} per match.
local out = {}
local n = (#ARGV - 1) / 2
for i = 1, n do
  local id = ARGV[2 * i]
  local json = ARGV[2 * i + 1]
  local seen = redis.call('HGET', KEYS[1], id)
  if seen then
    local sep = string.find(seen, ':', 1, true)
    out[i] = {tonumber(string.sub(seen, 1, sep - 1)), tonumber(string.sub(seen, sep + 1)), 1}
  else
    local off = redis.call('INCR', KEYS[2])
    -- the JSON object ends with '}': the server-set log_offset goes in before it
    local stored = string.sub(json, 1, -2) .. ',"log_offset":' .. off .. '}'
    redis.call('XADD', KEYS[3], off .. '-0', 'm', stored, 't', ARGV[1])
    redis.call('HSET', KEYS[1], id, off .. ':' .. ARGV[1])
    out[i] = {off, tonumber(ARGV[1]), 0}
  end
end
return out
