-- Room for a display name as long as an e-mail address (320), the longest name an actor falls back to;
-- longer ones are cut to fit (AuditTrail.ACTOR_NAME_LENGTH). A change of its own, not an edit of V1:
-- Flyway refuses to start on a database that applied V1 as it was. Portable between H2 and PostgreSQL.
ALTER TABLE audit_entry ALTER COLUMN actor_name SET DATA TYPE VARCHAR(320);
