-- wrk script: each request asks for a random user (bench_user_1 .. 1000) on a random one of the 30
-- dataset dates. FIRST_DATE (YYYY-MM-DD, the dataset's first date) comes from the environment;
-- BENCH_TARGET says what is asked: "json" (default, the API's list) or "page" (the day's HTML page).
local first = os.getenv("FIRST_DATE")
local target = os.getenv("BENCH_TARGET") or "json"
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
  local user = "bench_user_" .. math.random(1, 1000)
  local date = dates[math.random(1, 30)]
  local path
  if target == "page" then
    path = "/u/" .. user .. "/" .. date
  else
    path = "/user-recommendations/" .. user .. "?date=" .. date
  end
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
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d bytes_per_response=%.0f\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors.status, errors.connect, errors.read, errors.write, errors.timeout,
      summary.bytes / math.max(1, summary.requests)))
end
