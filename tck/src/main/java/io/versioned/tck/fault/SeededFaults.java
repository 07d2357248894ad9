package io.versioned.tck.fault;

import java.util.Optional;
import java.util.Random;

/**
 * A {@link FaultPolicy} that fails a fraction of the port calls, picked by a seeded generator: of the calls it fails,
 * half fail before their effect and half after it. The same seed and the same sequence of calls give the same faults.
 */
public final class SeededFaults implements FaultPolicy {

    private final Random random;
    private final double rate;

    /**
     * Fails a fraction of the calls.
     *
     * @param seed the generator's seed
     * @param rate the fraction of calls to fail, from 0 (none) to 1 (all)
     * @throws IllegalArgumentException if {@code rate} is outside 0..1
     */
    public SeededFaults(long seed, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate: must be from 0 to 1, got " + rate);
        }
        this.random = new Random(seed);
        this.rate = rate;
    }

    @Override
    public synchronized Optional<FaultInjector.Mode> decide(int call, String description) {
        double draw = random.nextDouble();
        if (draw < rate / 2) {
            return Optional.of(FaultInjector.Mode.BEFORE_EFFECT);
        }
        return draw < rate ? Optional.of(FaultInjector.Mode.AFTER_EFFECT) : Optional.empty();
    }
}
