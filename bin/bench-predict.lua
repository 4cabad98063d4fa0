-- wrk script of bin/bench-predict: random match-quality requests over the published players.
-- PLAYERS_FILE one player id per line; SIDE players per side (1: two players, 5: 5v5).
local ids = {}
for line in io.lines(os.getenv("PLAYERS_FILE")) do ids[#ids + 1] = line end
local side = tonumber(os.getenv("SIDE") or "1")
local season = os.getenv("SEASON")
math.randomseed(os.time())

request = function()
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
  local body = '{"season":"' .. season .. '","sides":[' .. sides[1] .. ',' .. sides[2] .. ']}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
