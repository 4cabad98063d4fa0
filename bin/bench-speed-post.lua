-- wrk script: POST one match per request with a unique match id per thread and request.
local counter = 0
local thread_id = 0
local batch = tonumber(os.getenv("BATCH") or "1")
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
end

local function match()
  counter = counter + 1
  local id = "wrk-" .. thread_id .. "-" .. counter .. "-" .. os.time() .. "-" .. batch
  return '{"schema_version":1,"match_id":"' .. id .. '","season":"2026-S1","mode":"duel",' ..
    '"region":"eu-west","platform":"pc","started_at":"2026-01-10T10:00:00Z",' ..
    '"ended_at":"2026-01-10T10:10:00Z","sides":[' ..
    '{"side_id":"a","placement":1,"players":[{"player_id":"p' .. (counter % 100000) .. '"}]},' ..
    '{"side_id":"b","placement":2,"players":[{"player_id":"q' .. (counter % 100000) .. '"}]}]}'
end

request = function()
  local body
  if batch == 1 then
    body = match()
  else
    local parts = {}
    for i = 1, batch do parts[i] = match() end
    body = "[" .. table.concat(parts, ",") .. "]"
  end
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
