"""The release timeline: dates from `staging-at` or the head commit's date, never the wall clock. Pure."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping

from rte.errors import ConfigError

STAGING_HOURS = 2  # staging verification window
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def zone(name: str) -> dt.tzinfo:
    if not name or name.upper() == "UTC":
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"input `timezone` has the value {name!r}, which is not an IANA time zone",
            tip="use a name such as `UTC`, `Europe/Berlin` or `America/New_York`",
        ) from None


def window(text: str) -> tuple[dt.time, dt.time]:
    match = _WINDOW.match(text or "09:00-11:00")
    if not match:
        raise ConfigError(
            f"input `production-window` has the value {text!r}",
            tip="write the window as `HH:MM-HH:MM`, e.g. `09:00-11:00`",
        )
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    try:
        start, end = dt.time(h1, m1), dt.time(h2, m2)
    except ValueError:
        raise ConfigError(f"input `production-window` has the value {text!r}: not a time of day") from None
    if end <= start:
        raise ConfigError(
            f"input `production-window` ends before it starts ({text!r})",
            tip="the window must lie within one day, e.g. `22:00-23:30`",
        )
    return start, end


def _staging_at(text: str, tz: dt.tzinfo) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise ConfigError(
            f"input `staging-at` has the value {text!r}",
            tip="write the date and time as `YYYY-MM-DD HH:MM` (in the `timezone` input's zone)",
        ) from None
    return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)


def _next_hour(moment: dt.datetime) -> dt.datetime:
    floor = moment.replace(minute=0, second=0, microsecond=0)
    return floor if floor == moment else floor + dt.timedelta(hours=1)


def _next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _fmt(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M ") + (moment.tzname() or "")


def build_timeline(view: Mapping[str, object]) -> dict[str, object]:
    """Rows of (step, when) and where the dates come from; no rows when there is nothing to anchor on.

    Staging starts at `staging-at`, else at the first full hour after the head commit. Production is
    the working day after staging, in the production window; enhanced monitoring runs 48 hours.
    """
    tz = zone(str(view.get("timezone") or "UTC"))
    start, end = window(str(view.get("production_window") or "09:00-11:00"))
    staging_text = str(view.get("staging_at") or "")
    commit_text = str(view.get("commit_date") or "")
    if staging_text:
        staging, basis = _staging_at(staging_text, tz), "the `staging-at` input"
    elif commit_text:
        try:
            commit = dt.datetime.fromisoformat(commit_text)
        except ValueError:
            return {"rows": [], "basis": f"the head commit's date {commit_text!r} could not be read"}
        if commit.tzinfo is None:
            commit = commit.replace(tzinfo=dt.UTC)
        staging, basis = (
            _next_hour(commit.astimezone(tz)),
            "the head commit's date (set `staging-at` to choose)",
        )
    else:
        return {"rows": [], "basis": "no `staging-at` input and no head commit date"}
    verified = staging + dt.timedelta(hours=STAGING_HOURS)
    prod_day = _next_working_day(verified.date())
    prod_start = dt.datetime.combine(prod_day, start, tzinfo=tz)
    prod_end = dt.datetime.combine(prod_day, end, tzinfo=tz)
    watch_end = prod_start + dt.timedelta(hours=48)
    rows = [
        {"step": "Staging deploy", "when": _fmt(staging)},
        {"step": "Staging verification", "when": f"{_fmt(staging)} – {verified.strftime('%H:%M')}"},
        {"step": "Production deploy (window)", "when": f"{_fmt(prod_start)} – {prod_end.strftime('%H:%M')}"},
        {
            "step": "Production monitoring (close watch)",
            "when": f"{_fmt(prod_start)} – {(prod_end + dt.timedelta(hours=1)).strftime('%H:%M')}",
        },
        {"step": "Enhanced monitoring ends (48 hours)", "when": _fmt(watch_end)},
    ]
    return {"rows": rows, "basis": basis}
