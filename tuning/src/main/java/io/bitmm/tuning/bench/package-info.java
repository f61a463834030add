/**
 * JMH benchmarks of the core's hot paths: a book update with checksum, and a book event through the whole
 * trading core to its quoting decision. Build {@code tuning/target/benchmarks.jar} and run it with the shared JVM
 * options file.
 */
package io.bitmm.tuning.bench;
