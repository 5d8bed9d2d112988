package io.aiosim.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/**
 * The help texts, rendered by picocli when the jar is built (pom.xml runs {@link #main}) and
 * printed from the jar's resources at run time. picocli builds a command's model by reflection
 * over its annotations before it can print any help, and that was most of {@code --help}'s 135
 * ms; a help text depends on nothing but the build and on whether picocli would color it, so
 * both variants are rendered and picocli's own {@link Ansi#AUTO} picks one. {@code
 * HelpTextsTest} requires every form below to print the same bytes both ways.
 *
 * <p>The forms: {@code --help}, {@code -h} and {@code help} for the command list; {@code COMMAND
 * --help}, {@code COMMAND -h} and {@code help COMMAND} for each command. Anything else (a
 * mistyped command, an option besides) goes through picocli as before.
 */
final class HelpTexts {
  private HelpTexts() {}

  /** The resource folder, next to this class. */
  static final String FOLDER = "help/";

  /**
   * The text a help form would print: "aiosim" for the command list, else the command it names
   * (a word of letters, which {@link #print} looks up among the texts); null when {@code args}
   * is no help form.
   */
  static String topic(String[] args) {
    if (args.length == 1) {
      return args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help") ? "aiosim" : null;
    }
    if (args.length != 2) return null;
    String command = args[0].equals("help") ? args[1] : args[1].equals("--help") || args[1].equals("-h") ? args[0] : null;
    return command != null && !command.equals("aiosim") && word(command) ? command : null;
  }

  /** Letters only: a resource name that cannot leave the folder (no regex: this is start-up). */
  private static boolean word(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 'a' || s.charAt(i) > 'z') return false;
    }
    return true;
  }

  /** The commands that have a text: each of {@link Main#COMMANDS} but the help command. */
  static List<String> commands() {
    List<String> names = new ArrayList<>();
    for (Class<?> c : Main.COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (!name.equals("help")) names.add(name);
    }
    return names;
  }

  /** Every text's topic: "aiosim" for the command list, then each of {@link #commands}. */
  static List<String> topics() {
    List<String> topics = new ArrayList<>(List.of("aiosim"));
    topics.addAll(commands());
    return topics;
  }

  /**
   * Prints the text of a help form and returns true, or returns false when {@code args} is not
   * one, names no command, or the classes have no texts (run from an IDE without Maven's build).
   */
  static boolean print(String[] args, PrintWriter out) {
    String topic = topic(args);
    if (topic == null) return false;
    String text = read(FOLDER.concat(file(topic, Ansi.AUTO.enabled())));
    if (text == null) return false;
    out.print(text);
    out.flush();
    return true;
  }

  /** The file of {@code topic}'s text, colored or not (concat, not +: see Version). */
  static String file(String topic, boolean ansi) {
    return topic.concat(ansi ? ".ansi.txt" : ".plain.txt");
  }

  /**
   * The resource {@code name} next to this class, or null. From the jar by its path when the
   * classes come from one: a resource's jar: URL would set up the URL handlers first, and they
   * spin a method handle class (6 ms of the 40 ms this command takes).
   */
  static String read(String name) {
    try {
      CodeSource source = HelpTexts.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location != null && location.getProtocol().equals("file") && location.getPath().endsWith(".jar")) {
        try (JarFile jar = new JarFile(new File(location.toURI()), false)) {
          JarEntry entry = jar.getJarEntry("io/aiosim/cli/".concat(name));
          if (entry == null) return null;
          try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
      try (InputStream in = HelpTexts.class.getResourceAsStream(name)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return null; // picocli renders it instead
    }
  }

  /** What picocli prints for {@code args}, colored or not; the help forms print on stdout only, with status 0. */
  static String render(String[] args, boolean ansi) {
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", Boolean.toString(ansi));
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.execute(args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err), false);
      if (status != 0 || !err.toString().isEmpty()) {
        throw new IllegalStateException(String.join(" ", args) + ": status " + status + ", stderr: " + err);
      }
      return out.toString();
    } finally {
      if (before == null) System.clearProperty("picocli.ansi");
      else System.setProperty("picocli.ansi", before);
    }
  }

  /** {@code args[0]}: the folder to write {@code TOPIC.plain.txt} and {@code TOPIC.ansi.txt} into (the build's classes). */
  public static void main(String[] args) throws IOException {
    Path folder = Files.createDirectories(Path.of(args[0]));
    for (String topic : topics()) {
      String[] line = topic.equals("aiosim") ? new String[] {"--help"} : new String[] {topic, "--help"};
      for (boolean ansi : new boolean[] {false, true}) {
        Files.writeString(folder.resolve(file(topic, ansi)), render(line, ansi));
      }
    }
  }
}
