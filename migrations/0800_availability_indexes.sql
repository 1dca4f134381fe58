-- Searches find their capacity lines first (a few rows of the catalogue), then read those lines' open
-- slots day by day. The older slots_search index (channel, day, office) made a city's calendar walk
-- every office's slots of the channel; measured on the national agenda in docs/scaling.md.
CREATE INDEX slots_line_day ON slots (capacity_line_id, local_date) WHERE status = 'open';
CREATE INDEX capacity_lines_channel ON capacity_lines (channel, office_code) WHERE active;
