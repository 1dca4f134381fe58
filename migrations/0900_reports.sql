-- Insight for the authority (reports). Searches and holds are counted, never stored one by one: a row
-- per Bogotá hour and what was asked, with a counter that each process adds its buffered counts to
-- (INSERT … ON CONFLICT DO UPDATE). No person, no address, no session: only what was asked and what
-- was found. A month of national traffic is a few hundred thousand rows at most, whatever the volume.

-- Availability searches per day. The place asked is an office, else a city, else '' for both (a remote
-- channel searched nationally). `weeks_ahead` says how far ahead the first date asked was (0: within 7
-- days of the search).
CREATE TABLE search_counts (
  day date NOT NULL,
  procedure_code text NOT NULL,
  channel text NOT NULL,
  office_code text NOT NULL DEFAULT '',
  city_code text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('days', 'slots', 'first')),
  weeks_ahead smallint NOT NULL CHECK (weeks_ahead BETWEEN 0 AND 52),
  searches integer NOT NULL CHECK (searches >= 0),
  found integer NOT NULL CHECK (found >= 0 AND found <= searches),
  PRIMARY KEY (day, procedure_code, channel, office_code, city_code, kind, weeks_ahead)
);

-- The same searches by Bogotá hour, for the busiest hours: kept apart so that the daily reports read
-- a table a day's hours smaller.
CREATE TABLE search_hour_counts (
  day date NOT NULL,
  hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
  procedure_code text NOT NULL,
  channel text NOT NULL,
  office_code text NOT NULL DEFAULT '',
  city_code text NOT NULL DEFAULT '',
  searches integer NOT NULL CHECK (searches >= 0),
  PRIMARY KEY (day, hour, procedure_code, channel, office_code, city_code)
);

-- Days from a search to the first date it found with room, as an exact histogram per day (one row per
-- number of days), so the median and the 90th percentile of any period are sums over these rows.
CREATE TABLE search_lead_counts (
  day date NOT NULL,
  procedure_code text NOT NULL,
  channel text NOT NULL,
  office_code text NOT NULL DEFAULT '',
  city_code text NOT NULL DEFAULT '',
  lead_days smallint NOT NULL CHECK (lead_days >= 0),
  searches integer NOT NULL CHECK (searches >= 0),
  PRIMARY KEY (day, procedure_code, channel, office_code, city_code, lead_days)
);

-- Places held by people choosing a time (holds themselves are deleted once confirmed or expired).
CREATE TABLE hold_counts (
  day date NOT NULL,
  hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
  procedure_code text NOT NULL,
  channel text NOT NULL,
  office_code text NOT NULL,
  holds integer NOT NULL CHECK (holds >= 0),
  PRIMARY KEY (day, hour, procedure_code, channel, office_code)
);

-- The reports read a month of slots and appointments at national scale by date; these keep that to
-- range scans.
CREATE INDEX slots_report_day ON slots (local_date, office_code) INCLUDE (capacity, channel, capacity_line_id)
  WHERE status = 'open';
CREATE INDEX appointments_report_starts ON appointments (starts_at) INCLUDE (office_code, channel, procedure_code, status);
CREATE INDEX appointments_report_created ON appointments (created_at) INCLUDE (office_code, channel, procedure_code);
