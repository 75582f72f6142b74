-- When the reconciler last read an account's widgets (issue 17): a change it cannot date (a delete,
-- a rotation found by a check) happened since then, which is where the audit logs are searched for
-- who made it, also after the reconciler was stopped for a while. NULL: not yet recorded.
-- Portable between H2 and PostgreSQL.
ALTER TABLE reconciled_account ADD COLUMN last_read_at TIMESTAMP WITH TIME ZONE;
