-- The metadata schema of io.versioned, version 2: an alias row carries the facts of its numbered targets (see
-- io.versioned.core.port.TargetFacts), so that resolve reads one row. All NULL when the row has no facts for that
-- target (LATEST, a version of unknown size, a row written before this migration). Idempotent, like version 1.

ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_update_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_sha256 VARCHAR(64);
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_size_bytes BIGINT;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_content_type VARCHAR(1024);
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_metadata_json VARCHAR;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS primary_blob_key VARCHAR(1024);
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_update_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_sha256 VARCHAR(64);
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_size_bytes BIGINT;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_content_type VARCHAR(1024);
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_metadata_json VARCHAR;
ALTER TABLE versioned_aliases ADD COLUMN IF NOT EXISTS secondary_blob_key VARCHAR(1024);
