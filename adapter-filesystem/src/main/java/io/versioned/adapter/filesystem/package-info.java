/**
 * {@link io.versioned.core.port.BlobPort} on a local directory, the blob half of the embedded default: key
 * {@code name/000001} is the file {@code {root}/name/000001}. Puts are atomic and put-if-absent through a hard link
 * from a fully written and synced temporary file; see {@link io.versioned.adapter.filesystem.FilesystemBlobPort}.
 */
package io.versioned.adapter.filesystem;
