/**
 * {@link io.versioned.core.port.MetadataPort} on a relational database through Jdbi: H2 2.x in a file (the
 * embedded default, {@link io.versioned.adapter.jdbc.JdbcConfig#embeddedH2(java.nio.file.Path)}) or PostgreSQL.
 *
 * <p>Schema (created and migrated by {@code bootstrap()}, scripts in {@code db/migration/}, applied versions in
 * {@code versioned_schema_version}): {@code versioned_versions} (primary key name, version; version 0 is LATEST;
 * metadata and alias pins as flat JSON objects), {@code versioned_aliases} (name, alias; a NULL secondary version
 * means none), {@code versioned_alias_history} (name, alias, revision; NULL previous or current target for a create
 * or a delete), {@code versioned_counters} (name) and {@code versioned_artifact_names} (name). Times are
 * {@code TIMESTAMP(6) WITH TIME ZONE} in UTC, so instants round-trip to the microsecond.
 */
package io.versioned.adapter.jdbc;
