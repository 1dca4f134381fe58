-- Appointments are personal: the name and document they were booked under can never be changed, only
-- erased by anonymisation (retention or a deletion request). Enforced here so no code path can trade
-- an appointment to another person.

CREATE FUNCTION applicants_identity_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.anonymised_at IS NOT NULL THEN
    RAISE EXCEPTION 'an anonymised applicant cannot be changed';
  END IF;
  IF NEW.anonymised_at IS NULL AND (
       NEW.document_type IS DISTINCT FROM OLD.document_type
    OR NEW.document_number IS DISTINCT FROM OLD.document_number
    OR NEW.first_name IS DISTINCT FROM OLD.first_name
    OR NEW.last_name IS DISTINCT FROM OLD.last_name
    OR NEW.person_type IS DISTINCT FROM OLD.person_type
    OR NEW.nit IS DISTINCT FROM OLD.nit
    OR NEW.company_name IS DISTINCT FROM OLD.company_name) THEN
    RAISE EXCEPTION 'the name and document of an appointment cannot be changed';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER applicants_identity_immutable BEFORE UPDATE ON applicants
  FOR EACH ROW EXECUTE FUNCTION applicants_identity_immutable();

CREATE FUNCTION appointments_holder_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.applicant_id IS DISTINCT FROM OLD.applicant_id
     OR NEW.code IS DISTINCT FROM OLD.code
     OR (NEW.person_key IS DISTINCT FROM OLD.person_key AND NEW.person_key NOT LIKE 'anon:%') THEN
    RAISE EXCEPTION 'the holder of an appointment cannot be changed';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER appointments_holder_immutable BEFORE UPDATE ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_holder_immutable();
