package io.aiosim.cli;

import io.aiosim.golden.AtomicWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts the launchers print without starting a JVM (src/dist/libexec/java.sh, texts_print):
 * {@code --version} and the uncolored help texts, as this jar on this JDK prints them. A JVM's
 * start is ~25 ms of the ~35 ms these command lines take, and their output depends only on the
 * jar and the JDK, so the first one writes them next to the start-up cache and later ones print
 * them with bash alone. {@code DistributionIT} compares them with what the JVM prints.
 */
public final class LauncherTexts {
  private LauncherTexts() {}

  /** The file of the {@code --version} text; written last, so that its age is the folder's. */
  static final String VERSION = "version.txt";

  /** {@code args[0]}: the folder to write {@code version.txt} and every {@code TOPIC.plain.txt} into. */
  public static void main(String[] args) throws IOException {
    Path folder = Files.createDirectories(Path.of(args[0]));
    List<String> files = new ArrayList<>();
    for (String topic : HelpTexts.topics()) {
      String file = HelpTexts.file(topic, false);
      String text = HelpTexts.read(HelpTexts.FOLDER.concat(file));
      if (text == null) throw new IOException("the jar has no help text " + file + " (classes built without Maven?)");
      AtomicWrite.replace(folder.resolve(file), text);
      files.add(file);
    }
    // A command that is gone must not keep its text: the launcher would print it.
    try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "*.plain.txt")) {
      for (Path p : old) {
        if (!files.contains(p.getFileName().toString())) Files.deleteIfExists(p);
      }
    }
    StringWriter version = new StringWriter();
    for (String line : new Version().getVersion()) version.append(line).append(System.lineSeparator());
    AtomicWrite.replace(folder.resolve(VERSION), version.toString());
  }
}
