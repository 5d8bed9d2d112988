package io.aiosim.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CPython version whose asyncio a report models (SPEC section 8), as a workflow's {@code
 * python:} key and the command line's {@code --python} name it.
 */
public enum PythonVersion {
  V3_11("3.11"),
  V3_12("3.12"),
  V3_13("3.13");

  /** What a workflow that names no version models. */
  public static final PythonVersion DEFAULT = V3_12;

  private final String key;

  PythonVersion(String key) {
    this.key = key;
  }

  /** {@code "3.12"}: as the report's {@code python} key and the command line spell it. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }

  /** The version spelt {@code text} ({@code "3.13"}), or empty when it is not supported. */
  public static Optional<PythonVersion> parse(String text) {
    return Arrays.stream(values()).filter(v -> v.key.equals(text)).findFirst();
  }

  /** The supported versions for a message: {@code 3.11, 3.12 or 3.13}. */
  public static String supported() {
    return join(Arrays.asList(values()), " or ");
  }

  /** Versions for a message: {@code 3.12 and 3.13}. */
  public static String list(List<PythonVersion> versions) {
    return join(versions, " and ");
  }

  private static String join(List<PythonVersion> versions, String last) {
    String all = versions.stream().map(PythonVersion::key).collect(Collectors.joining(", "));
    int cut = all.lastIndexOf(", ");
    return cut < 0 ? all : all.substring(0, cut) + last + all.substring(cut + 2);
  }
}
