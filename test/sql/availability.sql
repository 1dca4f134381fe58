-- Written by test/unit/sql-snapshots.test.ts from test/sql/statements.ts: do not edit. After a change
-- to one of these statements, UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts
-- rewrites this file; the diff is the change, as SQL.

-- selectDaysWithRoom (the calendar), of an office
/* prepared */
WITH
  lines AS MATERIALIZED (
    SELECT
      l.id,
      l.office_code
    FROM
      capacity_lines l
      JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id
      AND lp.procedure_code = $1
      JOIN offices o ON o.code = l.office_code
      AND o.active
    WHERE
      l.active
      AND l.channel = $2
      AND o.code = $3
  )
SELECT
  s.local_date AS date,
  sum(
    greatest(
      0,
      (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
    )
  )::int AS available
FROM
  (
    SELECT
      s.*
    FROM
      lines
      JOIN slots s ON s.capacity_line_id = lines.id
    WHERE
      s.local_date BETWEEN $4::date AND $5::date
      AND s.channel = $6
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND s.starts_at >= $7
  ) s
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          NOT h.reserved
      ) AS n,
      count(*) AS a
    FROM
      holds h
    WHERE
      h.slot_id = s.id
      AND h.expires_at <= $8
  ) e
GROUP BY
  s.local_date
HAVING
  sum(
    greatest(
      0,
      (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
    )
  ) > 0
ORDER BY
  s.local_date;
-- params: ["orientacion-tributaria","presencial","11","2026-12-02","2026-12-31","presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z"]

-- selectDaysWithRoom (the calendar), of cities, with a NIT
/* prepared */
WITH
  lines AS MATERIALIZED (
    SELECT
      l.id,
      l.office_code
    FROM
      capacity_lines l
      JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id
      AND lp.procedure_code = $1
      JOIN offices o ON o.code = l.office_code
      AND o.active
    WHERE
      l.active
      AND l.channel = $2
      AND o.city_code IN ($3, $4)
  )
SELECT
  s.local_date AS date,
  sum(
    (
      CASE
        WHEN EXISTS (
          SELECT
            1
          FROM
            tax_deadlines d
          WHERE
            d.due_date = s.local_date
            AND right($5, length(d.last_digits)) = d.last_digits
        ) THEN greatest(0, s.capacity - s.taken + coalesce(e.a, 0))
        ELSE greatest(
          0,
          (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
        )
      END
    )
  )::int AS available
FROM
  (
    SELECT
      s.*
    FROM
      lines
      JOIN slots s ON s.capacity_line_id = lines.id
    WHERE
      s.local_date BETWEEN $6::date AND $7::date
      AND s.channel = $8
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND (
        s.starts_at >= $9
        OR (
          s.starts_at > $10
          AND EXISTS (
            SELECT
              1
            FROM
              tax_deadlines d
            WHERE
              d.due_date = s.local_date
              AND right($11, length(d.last_digits)) = d.last_digits
          )
        )
      )
  ) s
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          NOT h.reserved
      ) AS n,
      count(*) AS a
    FROM
      holds h
    WHERE
      h.slot_id = s.id
      AND h.expires_at <= $12
  ) e
GROUP BY
  s.local_date
HAVING
  sum(
    (
      CASE
        WHEN EXISTS (
          SELECT
            1
          FROM
            tax_deadlines d
          WHERE
            d.due_date = s.local_date
            AND right($13, length(d.last_digits)) = d.last_digits
        ) THEN greatest(0, s.capacity - s.taken + coalesce(e.a, 0))
        ELSE greatest(
          0,
          (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
        )
      END
    )
  ) > 0
ORDER BY
  s.local_date;
-- params: ["orientacion-tributaria","presencial","05001","76001","800200301","2026-12-02","2026-12-31","presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z","800200301","2026-12-01T12:00:00.000Z","800200301"]

-- selectSlotsWithRoom (the times of a day), of an office
/* prepared */
WITH
  lines AS MATERIALIZED (
    SELECT
      l.id,
      l.office_code
    FROM
      capacity_lines l
      JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id
      AND lp.procedure_code = $1
      JOIN offices o ON o.code = l.office_code
      AND o.active
    WHERE
      l.active
      AND l.channel = $2
      AND o.code = $3
  )
SELECT
  s.id,
  s.office_code,
  s.starts_at,
  s.ends_at,
  greatest(
    0,
    (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
  )::int AS available
FROM
  (
    SELECT
      s.*
    FROM
      lines
      JOIN slots s ON s.capacity_line_id = lines.id
    WHERE
      s.local_date = $4::date
      AND s.channel = $5
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND s.starts_at >= $6
  ) s
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          NOT h.reserved
      ) AS n,
      count(*) AS a
    FROM
      holds h
    WHERE
      h.slot_id = s.id
      AND h.expires_at <= $7
  ) e
WHERE
  greatest(
    0,
    (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
  ) > 0
ORDER BY
  s.starts_at,
  s.office_code;
-- params: ["orientacion-tributaria","presencial","11","2026-12-02","presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z"]

-- selectSlotsWithRoom (the times of a day), of an office, with a NIT
/* prepared */
WITH
  lines AS MATERIALIZED (
    SELECT
      l.id,
      l.office_code
    FROM
      capacity_lines l
      JOIN capacity_line_procedures lp ON lp.capacity_line_id = l.id
      AND lp.procedure_code = $1
      JOIN offices o ON o.code = l.office_code
      AND o.active
    WHERE
      l.active
      AND l.channel = $2
      AND o.code = $3
  )
SELECT
  s.id,
  s.office_code,
  s.starts_at,
  s.ends_at,
  (
    CASE
      WHEN EXISTS (
        SELECT
          1
        FROM
          tax_deadlines d
        WHERE
          d.due_date = s.local_date
          AND right($4, length(d.last_digits)) = d.last_digits
      ) THEN greatest(0, s.capacity - s.taken + coalesce(e.a, 0))
      ELSE greatest(
        0,
        (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
      )
    END
  )::int AS available
FROM
  (
    SELECT
      s.*
    FROM
      lines
      JOIN slots s ON s.capacity_line_id = lines.id
    WHERE
      s.local_date = $5::date
      AND s.channel = $6
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND (
        s.starts_at >= $7
        OR (
          s.starts_at > $8
          AND EXISTS (
            SELECT
              1
            FROM
              tax_deadlines d
            WHERE
              d.due_date = s.local_date
              AND right($9, length(d.last_digits)) = d.last_digits
          )
        )
      )
  ) s
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          NOT h.reserved
      ) AS n,
      count(*) AS a
    FROM
      holds h
    WHERE
      h.slot_id = s.id
      AND h.expires_at <= $10
  ) e
WHERE
  (
    CASE
      WHEN EXISTS (
        SELECT
          1
        FROM
          tax_deadlines d
        WHERE
          d.due_date = s.local_date
          AND right($11, length(d.last_digits)) = d.last_digits
      ) THEN greatest(0, s.capacity - s.taken + coalesce(e.a, 0))
      ELSE greatest(
        0,
        (s.capacity - s.reserved) - (s.taken - s.reserved_taken) + coalesce(e.n, 0)
      )
    END
  ) > 0
ORDER BY
  s.starts_at,
  s.office_code;
-- params: ["orientacion-tributaria","presencial","11","800200301","2026-12-02","presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z","800200301","2026-12-01T12:00:00.000Z","800200301"]
