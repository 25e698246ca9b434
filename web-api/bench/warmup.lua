-- wrk script for the warm-up: walks every (user, date) of the dataset once, in order, split across the
-- threads, then starts over; so that after 30,000 requests every past list has been read once.
local first = os.getenv("FIRST_DATE")
local y, m, d = first:match("(%d+)-(%d+)-(%d+)")
local base = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local dates = {}
for i = 0, 29 do
  dates[i + 1] = os.date("!%Y-%m-%d", base + i * 86400)
end
local counter = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  counter = id
end

request = function()
  local n = counter % 30000
  counter = counter + 2
  local user = n % 1000 + 1
  local day = math.floor(n / 1000) + 1
  return wrk.format("GET", "/user-recommendations/bench_user_" .. user .. "?date=" .. dates[day])
end
