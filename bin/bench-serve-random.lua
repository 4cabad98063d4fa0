-- wrk script of bin/bench-serve: every request asks for another player, drawn at random among the
-- PLAYERS loaded ones (ids p0000000...), so no answer is a repeat of a recent one. KIND=player asks
-- for player pages, KIND=around for the 100-row window around the player.
local players = tonumber(os.getenv("PLAYERS"))
local kind = os.getenv("KIND")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
end

function request()
  local id = string.format("p%07d", math.random(0, players - 1))
  if kind == "around" then
    return wrk.format("GET", "/api/v1/rankings/global?limit=100&around=" .. id)
  end
  return wrk.format("GET", "/api/v1/rankings/player/" .. id)
end
