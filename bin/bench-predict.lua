-- wrk script of bin/bench-predict: random match-quality requests over the published players.
-- PLAYERS_FILE one player id per line; SIDE players per side (1: two players, 5: 5v5); BATCH=n:
-- each request is a batch of n such matches (POST .../match-quality/batch).
-- The requests are drawn once per wrk thread (BODIES of them, distinct players within each) and
-- then sent in turn, so that building them costs wrk no CPU while it measures: wrk shares the
-- machine's cores with the API.
local ids = {}
for line in io.lines(os.getenv("PLAYERS_FILE")) do ids[#ids + 1] = line end
local side = tonumber(os.getenv("SIDE") or "1")
local season = os.getenv("SEASON")
local batch = tonumber(os.getenv("BATCH") or "0")
local count = tonumber(os.getenv("BODIES") or (batch > 0 and "500" or "20000"))
local requests, next = {}, 1

local function sides()
  local taken, sides = {}, {}
  for s = 1, 2 do
    local t = {}
    while #t < side do
      local i = math.random(#ids)
      if not taken[i] then
        taken[i] = true
        t[#t + 1] = '"' .. ids[i] .. '"'
      end
    end
    sides[s] = "[" .. table.concat(t, ",") .. "]"
  end
  return '[' .. sides[1] .. ',' .. sides[2] .. ']'
end

local function body()
  if batch == 0 then
    return '{"season":"' .. season .. '","sides":' .. sides() .. '}'
  end
  local matches = {}
  for m = 1, batch do
    matches[m] = '{"sides":' .. sides() .. '}'
  end
  return '{"season":"' .. season .. '","matches":[' .. table.concat(matches, ",") .. ']}'
end

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  for k = 1, count do
    requests[k] = wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body())
  end
end

request = function()
  local r = requests[next]
  next = next % count + 1
  return r
end
