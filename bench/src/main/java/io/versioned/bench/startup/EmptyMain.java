package io.versioned.bench.startup;

/** The baseline of {@link StartupSection}: a JVM that starts and exits without doing anything. */
public final class EmptyMain {

    private EmptyMain() {
    }

    /** Does nothing. */
    public static void main(String[] args) {
        // the measured work is the JVM's own start and exit
    }
}
