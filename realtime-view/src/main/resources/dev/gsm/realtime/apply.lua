-- Applies a batch of state changes to one generation together with its applied-through marker:
-- the exactly-once step of the speed layer. Refused when the generation is not ready or live
-- (a stale writer) or when the marker moved since the caller read the states (compare-and-set).
-- KEYS[1] generation meta hash
-- ARGV[1] expected applied, ARGV[2] new applied, ARGV[3] dead-letter stream, ARGV[4] dlq offsets,
-- ARGV[5] writer token (the meta hash's `writer` becomes it), ARGV[6] '1' when the batch was computed
-- from the states of this writer's previous batch before that batch's answer came back (pipelined):
-- then it also requires `writer` to be ARGV[5], i.e. the last write was this writer's own batch
-- then ops, grouped by key so that one command carries many members:
--   'M' '' n k1 v1 .. kn vn           MSET of n player states (packed strings; the key slot is empty)
--   'Z' key n s1 m1 .. sn mn          ZADD of n members into one board
--   'R' key n m1 .. mn                ZREM of n members from one board
--   'S' key n m1 .. mn                SADD of n members (the generation's seasons)
--   'D' offset reason json            a dead letter (once per offset)
-- Returns 1 applied, 0 already applied, -1 generation not writable, -2 marker moved.
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'ready' and state ~= 'live' then return -1 end
-- player states are packed strings since layout 'packed'; a generation written as hashes by older
-- code would be read as empty and overwritten: refuse it loudly (publish a new view)
if redis.call('HGET', KEYS[1], 'layout') ~= 'packed' then
  return redis.error_reply('apply.lua: generation in an older layout (player hashes); publish a new view')
end
local applied = tonumber(redis.call('HGET', KEYS[1], 'applied'))
if applied >= tonumber(ARGV[2]) then return 0 end
if applied ~= tonumber(ARGV[1]) then return -2 end
if ARGV[6] == '1' and redis.call('HGET', KEYS[1], 'writer') ~= ARGV[5] then return -2 end
-- validate the whole batch first: a script that fails half-way keeps its earlier writes
local i = 7
while i <= #ARGV do
  local op = ARGV[i]
  if op == 'M' or op == 'Z' then i = i + 3 + 2 * tonumber(ARGV[i + 2])
  elseif op == 'R' or op == 'S' then i = i + 3 + tonumber(ARGV[i + 2])
  elseif op == 'D' then i = i + 4
  else return redis.error_reply('apply.lua: unknown op ' .. tostring(op)) end
end
if i ~= #ARGV + 1 then return redis.error_reply('apply.lua: truncated ops') end
-- unpack() is bounded by Lua's C stack: a long member list goes in chunks
local CHUNK = 2000
local function many(cmd, key, from, to, step)
  while from <= to do
    local last = math.min(to, from + CHUNK * step - 1)
    if key == '' then
      redis.call(cmd, unpack(ARGV, from, last))
    else
      redis.call(cmd, key, unpack(ARGV, from, last))
    end
    from = last + 1
  end
end
i = 7
while i <= #ARGV do
  local op = ARGV[i]
  local n = tonumber(ARGV[i + 2])
  if op == 'M' then
    many('MSET', '', i + 3, i + 2 + 2 * n, 2)
    i = i + 3 + 2 * n
  elseif op == 'Z' then
    many('ZADD', ARGV[i + 1], i + 3, i + 2 + 2 * n, 2)
    i = i + 3 + 2 * n
  elseif op == 'R' then
    many('ZREM', ARGV[i + 1], i + 3, i + 2 + n, 1)
    i = i + 3 + n
  elseif op == 'S' then
    many('SADD', ARGV[i + 1], i + 3, i + 2 + n, 1)
    i = i + 3 + n
  else
    if redis.call('SADD', ARGV[4], ARGV[i + 1]) == 1 then
      redis.call('XADD', ARGV[3], '*', 'offset', ARGV[i + 1], 'reason', ARGV[i + 2], 'm', ARGV[i + 3])
    end
    i = i + 4
  end
end
redis.call('HSET', KEYS[1], 'applied', ARGV[2], 'writer', ARGV[5])
return 1
