package io.versioned.tck.soak;

import java.util.Arrays;
import java.util.Random;

/**
 * What a soak worker does in one step, with how often it is picked: writes and reads on the worker's own artifacts, a
 * full comparison of one of them with the model, and the four operations on the shared artifact.
 */
enum SoakStep {
    PUT(160), PUBLISH(110), DELETE(50), RESTORE(35), PUT_ALIAS(90), DELETE_ALIAS(30), PURGE_VERSIONS(35),
    PURGE_ARTIFACT(8),
    GET_VERSION(25), LIST_VERSIONS(20), LATEST_NUMBER(15), GET_CONTENT(25), OPEN_CONTENT(20), DOWNLOAD(10),
    RESOLVE(25), RESOLVE_WITH_KEY(25), GET_ALIAS(20), LIST_ALIASES(15), ALIAS_HISTORY(20), LIST_NAMES(10),
    VERIFY(25),
    SHARED_PUT(45), SHARED_PUBLISH(45), SHARED_PUT_ALIAS(35), SHARED_RESOLVE(60);

    private static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(step -> step.weight).sum();

    private final int weight;

    SoakStep(int weight) {
        this.weight = weight;
    }

    /** A step picked at random by weight. */
    static SoakStep pick(Random random) {
        int draw = random.nextInt(TOTAL_WEIGHT);
        for (SoakStep step : values()) {
            draw -= step.weight;
            if (draw < 0) {
                return step;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
