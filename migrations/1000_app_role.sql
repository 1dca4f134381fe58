-- The app runs as agenda_app, a role that owns nothing: it can read and change rows, never the schema
-- (no DROP, ALTER, TRUNCATE: those belong to the owner, who runs the migrations), and it can only add
-- to the audit trail and read it. A role that does not exist yet is created without login; the README
-- shows how to create both roles, with passwords, before the first migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'agenda_app') THEN
    BEGIN
      CREATE ROLE agenda_app NOLOGIN;
    EXCEPTION
      -- Another database of the same server migrating at the same moment created it first.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'the role agenda_app does not exist and % may not create it', current_user
          USING HINT = 'As a superuser: CREATE ROLE agenda_app LOGIN PASSWORD ''...''; then migrate again (README, "Database roles").';
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO agenda_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO agenda_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO agenda_app;
REVOKE UPDATE, DELETE ON audit_events FROM agenda_app;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM agenda_app;

-- Tables and sequences later migrations create get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO agenda_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO agenda_app;
