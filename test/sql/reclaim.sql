-- Written by test/unit/sql-snapshots.test.ts from test/sql/statements.ts: do not edit. After a change
-- to one of these statements, UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts
-- rewrites this file; the diff is the change, as SQL.

-- reclaimOrDescribe
WITH
  gone AS (
    DELETE FROM holds
    WHERE
      slot_id = $1
      AND expires_at <= $2
      AND NOT EXISTS (
        SELECT
          1
        FROM
          slots r
        WHERE
          r.id = $3
          AND r.release_id IS NOT NULL
      )
    RETURNING
      reserved
  ),
  given_back AS (
    UPDATE slots
    SET
      taken = taken - (
        SELECT
          count(*)
        FROM
          gone
      ),
      reserved_taken = reserved_taken - (
        SELECT
          count(*)
        FROM
          gone
        WHERE
          reserved
      )
    WHERE
      id = $4
      AND EXISTS (
        SELECT
          1
        FROM
          gone
      )
  )
SELECT
  (
    SELECT
      count(*)::int
    FROM
      gone
  ) AS freed,
  f.id IS NOT NULL AS found,
  f.*
FROM
  (
    SELECT
      1
  ) AS one
  LEFT JOIN (
    (
      SELECT
        "s"."id",
        "s"."channel",
        "s"."status",
        "s"."starts_at",
        "s"."ends_at",
        "s"."local_date",
        "s"."office_code",
        "s"."release_id",
        "l"."active" AS "line_active",
        "o"."active" AS "office_active",
        EXISTS (
          SELECT
          FROM
            "capacity_line_procedures" AS "lp"
          WHERE
            "lp"."capacity_line_id" = "s"."capacity_line_id"
            AND "lp"."procedure_code" = $5
        ) AS "serves_procedure"
      FROM
        "slots" AS "s"
        INNER JOIN "capacity_lines" AS "l" ON "l"."id" = "s"."capacity_line_id"
        INNER JOIN "offices" AS "o" ON "o"."code" = "s"."office_code"
      WHERE
        "s"."id" = $6
    )
  ) AS f ON TRUE;
-- params: [42,"2026-12-01T12:00:00.000Z",42,42,"orientacion-tributaria",42]

-- lockSlotsWithExpiredHolds
SELECT
  id
FROM
  slots
WHERE
  release_id IS NULL
  AND id IN (
    SELECT
      slot_id
    FROM
      holds
    WHERE
      expires_at <= $1
  )
ORDER BY
  id
LIMIT
  $2
FOR UPDATE;
-- params: ["2026-12-01T12:00:00.000Z",200]

-- lockSlotsWithExpiredHolds, of one slot
SELECT
  id
FROM
  slots
WHERE
  release_id IS NULL
  AND id IN (
    SELECT
      slot_id
    FROM
      holds
    WHERE
      expires_at <= $1
      AND slot_id = $2
  )
ORDER BY
  id
LIMIT
  $3
FOR UPDATE;
-- params: ["2026-12-01T12:00:00.000Z",42,200]

-- reclaimExpiredHoldsOf (1 of 2)
DELETE FROM "holds"
WHERE
  "slot_id" IN ($1, $2)
  AND "expires_at" <= $3
RETURNING
  "id",
  "slot_id",
  "reserved";
-- params: [42,43,"2026-12-01T12:00:00.000Z"]

-- reclaimExpiredHoldsOf (2 of 2)
UPDATE slots
SET
  taken = taken - $1,
  reserved_taken = reserved_taken - $2
WHERE
  id = $3;
-- params: [1,1,42]
