-- wrk script: each request asks for a random user (bench_user_1 .. 1000) on a random one of the 30
-- dataset dates. FIRST_DATE (YYYY-MM-DD, the dataset's first date) comes from the environment.
local first = os.getenv("FIRST_DATE")
local y, m, d = first:match("(%d+)-(%d+)-(%d+)")
local base = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local dates = {}
for i = 0, 29 do
  dates[i + 1] = os.date("!%Y-%m-%d", base + i * 86400)
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed + os.time())
end

request = function()
  local path = "/user-recommendations/bench_user_" .. math.random(1, 1000) .. "?date=" .. dates[math.random(1, 30)]
  return wrk.format("GET", path)
end

local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then
    non2xx = non2xx + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
