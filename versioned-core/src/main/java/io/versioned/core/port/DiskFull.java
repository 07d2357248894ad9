package io.versioned.core.port;

import java.io.IOException;
import java.util.Locale;

/**
 * Recognises a write that failed because the file system is full (or over quota), so that adapters over local files
 * can say so plainly instead of passing on the operating system's exception. Not retryable: the same write fails
 * until someone frees space.
 */
public final class DiskFull {

    private DiskFull() {
    }

    /**
     * True if an {@link IOException} in the cause chain of {@code failure} reports a full device or an exceeded
     * quota (ENOSPC, EDQUOT; their Linux, macOS and Windows texts).
     *
     * @param failure the failure to inspect; may be null
     * @return true for a full device or exceeded quota; false otherwise, and for null
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("no space left on device") || message.contains("disk quota exceeded")
                        || message.contains("not enough space on the disk")) {
                    return true;
                }
            }
        }
        return false;
    }
}
