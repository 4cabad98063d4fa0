-- The current generation's stamp alone, in one step: what a cache of reads checks before reusing
-- an answer (generation and applied-through marker change with every write readers can see).
-- KEYS[1] current pointer; ARGV[1] key prefix
-- Returns {generation, version, watermark, applied} or nil.
local gen = redis.call('GET', KEYS[1])
if not gen then return nil end
local meta = redis.call('HMGET', ARGV[1] .. 'g' .. gen .. ':meta', 'version', 'watermark', 'applied')
return {gen, meta[1], meta[2], meta[3]}
