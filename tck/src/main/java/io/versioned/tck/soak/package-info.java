/**
 * The soak machinery of the kit: {@link io.versioned.tck.soak.SoakRun} runs worker threads that pick random
 * operations under seeded faults, model their own artifacts exactly, and check at the end that the replayed log of
 * acknowledged writes equals the repository; {@link io.versioned.tck.soak.SoakSettings} reads its settings from the
 * {@code versioned.soak.*} system properties; {@link io.versioned.tck.soak.Invariants} are the store invariants
 * checked below the public API, also by {@link io.versioned.tck.ConcurrencyContract} and
 * {@link io.versioned.tck.FaultContract}. {@link io.versioned.tck.SoakContract} uses them; an adapter author needs
 * none of them.
 */
package io.versioned.tck.soak;
