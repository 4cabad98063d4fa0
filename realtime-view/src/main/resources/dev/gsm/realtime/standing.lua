-- One player of a season in the current generation with the player's rank on every board the
-- player is on (global, each mode played, the primary region and platform), read atomically with
-- the generation's stamp. Key names follow RedisLayout.
-- KEYS[1] current pointer; ARGV[1] key prefix, ARGV[2] season, ARGV[3] player id
-- Returns {generation, version, watermark, applied, packed state or false,
--   {board suffix, rank (0-based), board size, ...}} or nil.
-- A packed state is '<region> <platform> <global rating>[ <mode>=<rating>]...' (PlayerState.pack).
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local gp = ARGV[1] .. 'g' .. gen .. ':'
local meta = redis.call('HMGET', gp .. 'meta', 'version', 'watermark', 'applied')
local state = redis.call('GET', gp .. ARGV[2] .. ':p:' .. ARGV[3])
local boards = {}
local function add(suffix)
  local key = gp .. ARGV[2] .. ':lb:' .. suffix
  local rank = redis.call('ZRANK', key, ARGV[3])
  if rank then
    boards[#boards + 1] = suffix
    boards[#boards + 1] = rank
    boards[#boards + 1] = redis.call('ZCARD', key)
  end
end
if state then
  add('global')
  local region, platform, rest = string.match(state, '^(%S+) (%S+) %S+(.*)$')
  for mode in string.gmatch(rest, ' ([^ =]+)=') do add('mode:' .. mode) end
  add('region:' .. region)
  add('platform:' .. platform)
end
return {gen, meta[1], meta[2], meta[3], state, boards}
