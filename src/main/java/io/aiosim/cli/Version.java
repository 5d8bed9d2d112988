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
    return new String[] {
      "aiosim " + number(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")"
    };
  }
}
