package io.aiosim.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code -V}/{@code --version} of every command: the version Maven wrote into the jar's
 * manifest, so that it is never a second copy to keep in step with pom.xml.
 */
final class Version implements IVersionProvider {
  /** The version, or a plain word when the classes do not come from a built jar (tests, IDEs). */
  static String number() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  @Override
  public String[] getVersion() {
    // java.runtime.version is what Runtime.version() parses (with a regex: start-up time), and
    // concat, not +, which a fresh JVM links through invokedynamic first.
    return new String[] {
      "aiosim ".concat(number()),
      "Java ".concat(System.getProperty("java.runtime.version", "?"))
          .concat(" (").concat(System.getProperty("java.vm.name", "?")).concat(")")
    };
  }
}
