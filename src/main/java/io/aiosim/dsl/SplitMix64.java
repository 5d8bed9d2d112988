package io.aiosim.dsl;

/**
 * The generator of {@code uniform} delays (SPEC 4), chosen because every language can repeat it
 * exactly: Steele, Lea and Flood's SplitMix64, the seed of Java's SplittableRandom.
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  long next() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A double in [0, 1): the top 53 bits of the next output, times 2^-53. */
  double nextDouble() {
    return (next() >>> 11) * 0x1.0p-53;
  }

  /** {@code a + (b - a) * u} in binary64, as SPEC 4 says. */
  public double uniform(double a, double b) {
    return a + (b - a) * nextDouble();
  }
}
