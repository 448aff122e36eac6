package dev.retort.bench.measure;

/**
 * One measurement of a child process.
 *
 * @param wallMillis from launching the process to its exit, in milliseconds
 * @param workMillis the time the child's main method took, in milliseconds
 * @param cpuMillis the CPU time of all the child's threads, in milliseconds, -1 if unknown
 * @param peakKib the child's peak resident memory in KiB, -1 if unknown
 * @param report everything the child reported
 */
public record Sample(double wallMillis, double workMillis, long cpuMillis, long peakKib, ChildReport report) {

  /** Checks the values. */
  public Sample {
    if (wallMillis < 0 || workMillis < 0) {
      throw new IllegalArgumentException("negative time: wall " + wallMillis + " ms, work " + workMillis + " ms");
    }
  }
}
