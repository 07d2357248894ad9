package io.versioned.tck.soak;

/**
 * What the soak knows of an artifact's version-number counter, which the API does not show: the counter is between
 * {@code low} and {@code high} (exactly known when equal), and a blob left behind by a failed write may occupy a
 * published version's key up to {@code orphanBound} (a publish that finds its key taken takes the next number). A
 * failed publish may have consumed a number; a failed purge of the artifact may leave its old keys behind.
 *
 * @param low         the lowest value the counter may have (the last number handed out; 0 at first)
 * @param high        the highest value the counter may have
 * @param orphanBound the highest version number whose key may hold an orphan blob; 0 when none may
 */
record Numbering(int low, int high, int orphanBound) {

    /** A counter never used, and no orphans: the next publish gets 1. */
    static final Numbering FRESH = new Numbering(0, 0, 0);

    /** The lowest number the next publish may get, given the highest number with a record. */
    int lowest(int highestRecord) {
        return Math.max(low, highestRecord) + 1;
    }

    /** The highest number the next publish may get, given the highest number with a record. */
    int highest(int highestRecord) {
        return Math.max(Math.max(high, highestRecord), orphanBound) + 1;
    }

    /** After a publish that created {@code number}: the counter is exactly there. */
    Numbering published(int number) {
        return new Numbering(number, number, orphanBound);
    }

    /**
     * After a publish that failed without creating a version: it may have taken a number (and copied bytes to its
     * key, which the counter has then passed).
     */
    Numbering afterFailedPublish(int highestRecord) {
        return new Numbering(low, highest(highestRecord), orphanBound);
    }

    /**
     * After a purge of the artifact whose records were removed but whose blobs may remain (it failed after removing
     * the records): the counter starts again, but keys up to every number used so far may be taken.
     */
    Numbering afterPartialArtifactPurge(int highestRecord) {
        return new Numbering(0, 0, Math.max(Math.max(orphanBound, high), highestRecord));
    }
}
