package io.versioned.bench;

/**
 * One part of the benchmark report (docs/benchmarks.md): it runs its measurements, each against a baseline
 * measured in the same run, and returns them as Markdown.
 */
public interface BenchSection {

    /** The section's heading, without Markdown markup; also the name {@code --only} selects it by. */
    String title();

    /**
     * Runs the measurements and returns the section's body: a sentence on what was measured and how, then the
     * table(s). Must clean up whatever it created (servers are shared and closed by the caller).
     *
     * @throws Exception if a measurement cannot be made; the report then records the failure in place of the body
     */
    String run(BenchSettings settings) throws Exception;
}
