-- Written by test/unit/sql-snapshots.test.ts from test/sql/statements.ts: do not edit. After a change
-- to one of these statements, UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts
-- rewrites this file; the diff is the change, as SQL.

-- insertBooking
WITH
  active AS (
    SELECT
      array(
        SELECT
          procedure_code
        FROM
          appointments
        WHERE
          person_key = $1
          AND status IN ('booked', 'checked_in')
          AND ends_at > $2
        ORDER BY
          procedure_code
      ) AS procedures
  ),
  allowed AS (
    SELECT
      1
    FROM
      active
    WHERE
      NOT ($3::text = ANY (procedures))
      AND cardinality(procedures) < $4::int
  ),
  applicant AS (
    INSERT INTO
      applicants (
        person_type,
        document_type,
        document_number,
        first_name,
        last_name,
        email,
        phone,
        nit,
        nit_check_digit,
        company_name,
        locale
      )
    SELECT
      $5::text,
      $6::text,
      $7::text,
      $8::text,
      $9::text,
      $10::text,
      $11::text,
      $12::text,
      $13::smallint,
      $14::text,
      $15::text
    FROM
      allowed
    RETURNING
      id
  ),
  consent AS (
    INSERT INTO
      consents (
        applicant_id,
        policy_version,
        purposes,
        channel,
        accepted_at
      )
    SELECT
      id,
      $16::text,
      $17::TEXT[],
      $18::text,
      $19::timestamptz
    FROM
      applicant
  ),
  appointment AS (
    INSERT INTO
      appointments (
        code,
        slot_id,
        procedure_code,
        channel,
        office_code,
        starts_at,
        ends_at,
        applicant_id,
        person_key,
        reserved,
        locale,
        hold_id,
        session_key,
        created_at,
        updated_at
      )
    SELECT
      $20::text,
      $21::bigint,
      $22::text,
      $23::text,
      $24::text,
      $25::timestamptz,
      $26::timestamptz,
      id,
      $27::text,
      $28::boolean,
      $29::text,
      $30::uuid,
      $31::text,
      $32::timestamptz,
      $33::timestamptz
    FROM
      applicant
    ON CONFLICT (code) DO NOTHING
    RETURNING
      id
  ),
  job AS (
    INSERT INTO
      jobs (name, payload, dedupe_key, run_at, created_at)
    SELECT
      $34::text,
      jsonb_build_object('appointmentId', id),
      $35::text || id::text,
      $36::timestamptz,
      $37::timestamptz
    FROM
      appointment
    ON CONFLICT (dedupe_key) DO NOTHING
  )
SELECT
  (
    SELECT
      procedures
    FROM
      active
  ) AS active,
  (
    SELECT
      id
    FROM
      applicant
  ) AS applicant_id,
  (
    SELECT
      id
    FROM
      appointment
  ) AS appointment_id;
-- params: ["CC:1020304050","2026-12-01T12:00:00.000Z","orientacion-tributaria",3,"natural","CC","1020304050","Ana Lucía","Restrepo Gómez","ana@example.com","+573001234567",null,null,null,"es","2026-01",["booking"],"web","2026-12-01T12:00:00.000Z","ABCDE23456",42,"orientacion-tributaria","presencial","11","2026-12-02T14:00:00.000Z","2026-12-02T14:30:00.000Z","CC:1020304050",false,"es",null,null,"2026-12-01T12:00:00.000Z","2026-12-01T12:00:00.000Z","mail.confirmation","confirmation:","2026-12-01T12:00:00.000Z","2026-12-01T12:00:00.000Z"]
