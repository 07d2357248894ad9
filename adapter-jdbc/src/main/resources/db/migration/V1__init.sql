-- The metadata schema of io.versioned, version 1. Portable SQL for H2 2.x and PostgreSQL.
-- Every statement is idempotent (IF NOT EXISTS) so that processes racing to bootstrap all succeed.
-- Times are UTC with microseconds; version 0 is LATEST; JSON columns hold flat objects.

CREATE TABLE IF NOT EXISTS versioned_versions (
    name            VARCHAR(128)                NOT NULL,
    version         INTEGER                     NOT NULL,
    update_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted         BOOLEAN                     NOT NULL,
    sha256          VARCHAR(64)                 NOT NULL,
    size_bytes      BIGINT                      NOT NULL,
    content_type    VARCHAR(1024)               NOT NULL,
    metadata_json   VARCHAR                     NOT NULL,
    blob_key        VARCHAR(1024)               NOT NULL,
    alias_pins_json VARCHAR                     NOT NULL,
    revision        BIGINT                      NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE IF NOT EXISTS versioned_aliases (
    name              VARCHAR(128)                NOT NULL,
    alias             VARCHAR(64)                 NOT NULL,
    update_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version           INTEGER                     NOT NULL,
    secondary_version INTEGER,
    secondary_weight  INTEGER                     NOT NULL,
    revision          BIGINT                      NOT NULL,
    PRIMARY KEY (name, alias)
);

CREATE TABLE IF NOT EXISTS versioned_alias_history (
    name                   VARCHAR(128)                NOT NULL,
    alias                  VARCHAR(64)                 NOT NULL,
    revision               BIGINT                      NOT NULL,
    changed_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    prev_version           INTEGER,
    prev_secondary_version INTEGER,
    prev_secondary_weight  INTEGER,
    cur_version            INTEGER,
    cur_secondary_version  INTEGER,
    cur_secondary_weight   INTEGER,
    PRIMARY KEY (name, alias, revision)
);

CREATE TABLE IF NOT EXISTS versioned_counters (
    name        VARCHAR(128) NOT NULL,
    last_number INTEGER      NOT NULL,
    PRIMARY KEY (name)
);

CREATE TABLE IF NOT EXISTS versioned_artifact_names (
    name VARCHAR(128) NOT NULL,
    PRIMARY KEY (name)
);
