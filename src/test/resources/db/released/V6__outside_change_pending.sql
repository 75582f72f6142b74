-- A change made outside the dashboard that nobody has kept or reverted yet (issue 17): since when
-- (outside_since; NULL when there is none), and the settings the widget had before the first such
-- change (base_*), which "revert" puts back. NULL base_name: nothing to revert to (a widget created
-- or a secret rotated outside). Portable between H2 and PostgreSQL.
ALTER TABLE known_widget ADD COLUMN outside_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE known_widget ADD COLUMN base_name VARCHAR(255);
ALTER TABLE known_widget ADD COLUMN base_domains VARCHAR(60000);
ALTER TABLE known_widget ADD COLUMN base_mode VARCHAR(32);
ALTER TABLE known_widget ADD COLUMN base_clearance_level VARCHAR(32);
ALTER TABLE known_widget ADD COLUMN base_region VARCHAR(32);
ALTER TABLE known_widget ADD COLUMN base_bot_fight_mode BOOLEAN;
ALTER TABLE known_widget ADD COLUMN base_offlabel BOOLEAN;
ALTER TABLE known_widget ADD COLUMN base_ephemeral_id BOOLEAN;
