/**
 * The chaos campaign ({@code mm chaos}): the engine against the simulated venue under seeded random fault
 * schedules and SIGKILLs, checked against the venue and its own journal after every trial.
 */
package io.bitmm.app.chaos;
