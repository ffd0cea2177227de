package dev.netc.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every netc benchmark runs: average time in milliseconds, one forked JVM with room for
 * the large inputs, 5 warm-up iterations of 4 s (an operation on the largest inputs takes up to
 * a second, and the optimising JIT needs many of them) and 5 measured iterations of 2 s. JMH
 * reads these annotations from the superclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
public abstract class BenchmarkSettings {}
