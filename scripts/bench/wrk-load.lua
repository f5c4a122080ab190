-- wrk script for scripts/bench/wrk.ts: sends the requests in $WRK_REQS in turn on every
-- connection, counts each response's status, and prints one JSON line (marked BENCH_JSON) with
-- the counts, the socket errors and the latency percentiles when the run ends.
-- $WRK_REQS holds records "METHOD\tPATH\tCONTENT-TYPE\tBODY-BYTES\n" followed by the body and "\n".

local reqs = {}
local k = 0
statuses = {}

init = function(args)
  local f = assert(io.open(os.getenv("WRK_REQS"), "rb"))
  local all = f:read("*a")
  f:close()
  local pos = 1
  while pos <= #all do
    local nl = all:find("\n", pos, true)
    local method, path, ctype, n = all:sub(pos, nl - 1):match("^(%S+)\t(%S+)\t([^\t]*)\t(%d+)$")
    n = tonumber(n)
    local headers = {}
    if ctype ~= "" then headers["Content-Type"] = ctype end
    -- (wrk.format adds Host and Content-Length)
    reqs[#reqs + 1] = wrk.format(method, path, headers, n > 0 and all:sub(nl + 1, nl + n) or nil)
    pos = nl + n + 2
  end
end

request = function()
  k = k % #reqs + 1
  return reqs[k]
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

done = function(summary, latency, requests)
  local sums, counts = {}, {}
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("statuses")) do sums[s] = (sums[s] or 0) + n end
  end
  for s, n in pairs(sums) do counts[#counts + 1] = string.format('"%d":%d', s, n) end
  local e = summary.errors
  local p = function(q) return latency:percentile(q) / 1000 end
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50_ms":%.4f,"p90_ms":%.4f,"p99_ms":%.4f,"max_ms":%.4f,"statuses":{%s}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
    p(50), p(90), p(99), latency.max / 1000, table.concat(counts, ",")))
end
