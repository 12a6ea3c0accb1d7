-- wrk script: GET /search?q=… for each line of a query file (bench/gen_queries.py), URL-encoded, in file order.
--   QUERY_FILE=bench/out/queries-popular.txt wrk -t2 -c32 -d10s -s bench/search-queries.lua http://127.0.0.1:19580
-- Each thread starts at its own place in the file and wraps around, so a popular-mix file keeps its proportions
-- and a random file is not replayed in step by every thread. SEARCH_PATH overrides /search (e.g. /api/v1/search).

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("number", counter)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local queries = {}
local position = 1
local path = os.getenv("SEARCH_PATH") or "/search"

function init(args)
  local file = os.getenv("QUERY_FILE") or args[1]
  assert(file, "set QUERY_FILE to a file of queries, one a line")
  for line in io.lines(file) do
    if #line > 0 then
      queries[#queries + 1] = path .. "?q=" .. encode(line)
    end
  end
  assert(#queries > 0, "no queries in " .. file)
  -- Threads start spread over the file (golden-ratio steps: apart for any number of threads).
  position = math.floor(#queries * (((number or 1) - 1) * 0.6180339887 % 1)) + 1
end

function request()
  local q = queries[position]
  position = position % #queries + 1
  return wrk.format("GET", q)
end
