package io.versioned.tck.soak;

/**
 * The soak's model of one artifact: its observable state and what is known of its version counter.
 *
 * @param state     the state the repository must show
 * @param numbering the counter's possible values
 */
record ArtifactModel(ArtifactState state, Numbering numbering) {

    /** An artifact never written. */
    static final ArtifactModel EMPTY = new ArtifactModel(ArtifactState.EMPTY, Numbering.FRESH);

    ArtifactModel with(ArtifactState newState) {
        return new ArtifactModel(newState, numbering);
    }

    ArtifactModel with(Numbering newNumbering) {
        return new ArtifactModel(state, newNumbering);
    }
}
