/**
 * The fault machinery of the kit: a {@link io.versioned.tck.fault.FaultInjector} counts the port calls of a scenario
 * and fails those its {@link io.versioned.tck.fault.FaultPolicy} picks, before or after their effect, through the
 * decorators {@link io.versioned.tck.fault.FaultyBlobPort} and {@link io.versioned.tck.fault.FaultyMetadataPort};
 * {@link io.versioned.tck.fault.SeededFaults} fails a seeded fraction of them. {@link io.versioned.tck.FaultContract}
 * and {@link io.versioned.tck.SoakContract} use them; an adapter author needs none of them.
 */
package io.versioned.tck.fault;
