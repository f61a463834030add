package io.bitmm.app.chaos;

/**
 * One {@code mm run} of a trial: in a child JVM ({@link EngineProcess}, which can be killed with SIGKILL) or in this
 * JVM ({@link InProcessEngine}, which saves a JVM start per trial).
 */
interface EngineRun
{
    /**
     * @param seconds how long to wait.
     * @return true once it is trading ({@code mm: running}); false when it did not start in time or ended.
     * @throws InterruptedException when interrupted.
     */
    boolean awaitRunning(long seconds) throws InterruptedException;

    /**
     * @return {@code System.nanoTime()} when it started trading.
     */
    long runningNanos();

    /**
     * @param seconds how long to wait.
     * @return its exit status, or -1 when it did not end in time.
     * @throws InterruptedException when interrupted.
     */
    int awaitExit(long seconds) throws InterruptedException;

    /** Stops it the hard way if it is still running (the trial is being abandoned). */
    void destroy();
}
