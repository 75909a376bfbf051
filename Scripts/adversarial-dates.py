"""Every date parameter of the admin API at the calendar's edges: year 0000, 9999 and 10000,
a negative year, 29 February of a common year, a 13th month. Each must answer 400 in the
API's error shape, and the server must still answer after it (a year 9999 once reached a
trap). A day inside the range must be taken, so a 400 here means the date was refused.

    python3 Scripts/adversarial-dates.py BASE_URL ADMIN_TOKEN
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

base, token = sys.argv[1], sys.argv[2]
SITE = "so-y-te"

DAYS = ["0000-01-01", "9999-12-31", "10000-01-01", "-1", "-0001-01-01", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31"]
MOMENTS = ["0000-01-01T00:00:00Z", "9999-12-31T17:00:00Z", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "-1",
           "-0001-01-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
           "2026-01-01T24:00:00Z"]
GOOD_DAY, GOOD_MOMENT = "2026-02-28", "2026-02-28T00:00:00Z"


def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


failures, checks = [], 0


def expect(label, status, body, wanted):
    global checks
    checks += 1
    if status != wanted:
        failures.append(f"{label}: {status}, expected {wanted}: {body[:200]!r}")
        return
    if wanted == 400:
        try:
            code = json.loads(body)["error"]["code"]
            assert isinstance(code, str) and code
        except (ValueError, KeyError, TypeError, AssertionError):
            failures.append(f"{label}: 400 without the error shape: {body[:200]!r}")
    alive, _ = call("GET", "/healthz")
    if alive != 200:
        failures.append(f"{label}: the server stopped answering (healthz {alive})")
        report()


def query(path, **parameters):
    return path + "?" + urllib.parse.urlencode(parameters)


def report():
    for failure in failures:
        print("FAIL", failure)
    print(f"dates at the edges: {checks} requests, {len(failures)} failures")
    sys.exit(1 if failures else 0)


# Query parameters, each with a day inside the range first (taken), then the edges (refused).
for name in ["received_from", "received_before", "published_from"]:
    for value, wanted in [(GOOD_MOMENT, 200)] + [(m, 400) for m in MOMENTS]:
        expect(f"GET submissions {name}={value}", *call("GET", query("/api/v1/submissions", site=SITE, **{name: value})), wanted)
for value, wanted in [(GOOD_MOMENT, 200)] + [(m, 400) for m in MOMENTS]:
    expect(f"GET rate-tables/active at={value}", *call("GET", query("/api/v1/rate-tables/active", site=SITE, at=value)), wanted)
for name, other in [("from", "to"), ("to", "from")]:
    for value, wanted in [(GOOD_DAY, 200)] + [(d, 400) for d in DAYS]:
        parameters = {name: value, other: GOOD_DAY}
        expect(f"GET reports/activity {name}={value}", *call("GET", query("/api/v1/reports/activity", **parameters)), wanted)

# Body fields: a rate table's first day, a schedule's time (on an approved item, If-Match its revision).
table = {"name": "Bảng thử", "basis": "QĐ thử", "site": SITE,
         "genres": [{"code": "tin", "name": "Tin", "coefficient": {"min": 1, "max": 5}}]}
for value in DAYS:
    expect(f"POST rate-tables effective_from={value}", *call("POST", "/api/v1/rate-tables", dict(table, effective_from=value)), 400)
status, body = call("GET", query("/api/v1/submissions", site=SITE, status="approved", limit=1))
items = json.loads(body)["items"] if status == 200 else []
if not items:
    failures.append(f"no approved item to schedule (list answered {status})")
else:
    item = items[0]
    for value in MOMENTS:
        expect(f"POST transitions schedule publish_at={value}",
               *call("POST", f"/api/v1/submissions/{item['id']}/transitions", {"action": "schedule", "publish_at": value},
                     {"If-Match": f'"r{item["revision"]}"'}), 400)
report()
