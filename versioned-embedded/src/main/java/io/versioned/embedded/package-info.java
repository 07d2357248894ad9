/**
 * The embedded default backend as one product, needing no cloud and no server: the records in an H2 file database
 * and the bytes in a blob folder, both under one folder ({@code ./.versioned} unless told otherwise), through
 * {@link io.versioned.embedded.EmbeddedModule}; and its shared-server variant, the records in PostgreSQL and the
 * bytes in a local folder, through {@link io.versioned.embedded.PostgresModule}.
 * {@link io.versioned.embedded.VersionedEmbedded} makes a ready {@link io.versioned.api.Repository} on either. The
 * records are stored by {@code adapter-jdbc} and the bytes by {@code adapter-filesystem}; this package only
 * composes them.
 */
package io.versioned.embedded;
