/** The section "HTTP server": concurrent clients of {@code versioned serve} against the same work in process. */
package io.versioned.bench.server;
