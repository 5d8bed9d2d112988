package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help texts printed from the jar are what picocli prints for the same command line. */
class HelpTextsTest {
  /** Every help form of every command, colored and not: the same bytes both ways, and from a text. */
  @Test
  void everyHelpFormPrintsWhatPicocliPrints() {
    List<String[]> forms = new ArrayList<>(List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"}));
    for (String command : HelpTexts.commands()) {
      forms.addAll(List.of(new String[] {command, "--help"}, new String[] {command, "-h"}, new String[] {"help", command}));
    }
    assertThat(HelpTexts.commands()).contains("run", "test", "matrix").doesNotContain("help");
    for (boolean ansi : new boolean[] {false, true}) {
      System.setProperty("picocli.ansi", Boolean.toString(ansi));
      try {
        for (String[] form : forms) {
          String line = String.join(" ", form) + (ansi ? " (colored)" : "");
          assertThat(HelpTexts.topic(form)).as(line).isNotNull();
          StringWriter text = new StringWriter();
          // From the texts the build rendered: a missing one would fall back to picocli unseen.
          assertThat(HelpTexts.print(form, new PrintWriter(text))).as(line).isTrue();
          Executed slow = Executed.of(form, false);
          assertThat(slow.status()).as(line).isZero();
          assertThat(slow.out()).as(line).contains("Usage: ").contains(ansi ? "\u001b[" : "Usage: ");
          assertThat(ansi || !slow.out().contains("\u001b[")).as(line).isTrue();
          assertThat(text.toString()).as(line).isEqualTo(slow.out());
          assertThat(Executed.of(form, true)).as(line).isEqualTo(slow);
        }
      } finally {
        System.clearProperty("picocli.ansi");
      }
    }
  }

  /** Anything that is not a help form of a command goes through picocli as before. */
  @Test
  void otherCommandLinesAreNotAnsweredFromATextAndPicocliStillSaysWhatIsWrong() {
    for (String[] args :
        List.of(
            new String[] {"rnu", "--help"},
            new String[] {"help", "rnu"},
            new String[] {"help", "--help"},
            new String[] {"help", "../help/aiosim"},
            new String[] {"Run", "--help"},
            new String[] {"run", "x.yaml", "--help"},
            new String[] {"help", "run", "extra"},
            new String[] {"--help", "--version"})) {
      String line = String.join(" ", args);
      assertThat(HelpTexts.print(args, new PrintWriter(new StringWriter()))).as(line).isFalse();
      assertThat(Executed.of(args, true)).as(line).isEqualTo(Executed.of(args, false));
    }
    Executed typo = Executed.of(new String[] {"help", "rnu"}, true);
    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.err()).contains("rnu");
  }

  /**
   * The launchers' texts (LauncherTexts, printed by java.sh without a JVM): --version and every
   * uncolored help text as picocli prints them, and nothing left of a command that is gone.
   */
  @Test
  void theLauncherTextsAreWhatPicocliPrints(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("gone.plain.txt"), "a command that no longer exists\n");
    LauncherTexts.main(new String[] {tmp.toString()});
    Executed version = Executed.of(new String[] {"--version"}, false);
    assertThat(Files.readString(tmp.resolve(LauncherTexts.VERSION))).isEqualTo(version.out()).startsWith("aiosim ");
    List<String> expected = new ArrayList<>(List.of(LauncherTexts.VERSION, "aiosim.plain.txt"));
    System.setProperty("picocli.ansi", "false");
    try {
      assertThat(Files.readString(tmp.resolve("aiosim.plain.txt"))).isEqualTo(Executed.of(new String[] {"--help"}, false).out());
      for (String command : HelpTexts.commands()) {
        expected.add(command + ".plain.txt");
        assertThat(Files.readString(tmp.resolve(command + ".plain.txt"))).as(command)
            .isEqualTo(Executed.of(new String[] {command, "--help"}, false).out());
      }
    } finally {
      System.clearProperty("picocli.ansi");
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
