package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** The conventions every command keeps: usage errors, -V, help that fits, suggestions, stdin. */
class ConventionsTest {
  private static final String GATHER = "workflows/seed/gather-basic.yaml";

  private static Stream<String> commands() {
    CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    return cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
  }

  @Test
  void bareAiosimIsAUsageErrorOnStandardError() {
    Cli r = Cli.run();
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Usage: aiosim ").contains("Commands:");
  }

  @TestFactory
  Stream<DynamicTest> everyCommandHasAVersionAndHelpThatFits() {
    return Stream.concat(Stream.of(""), commands())
        .map(
            name ->
                DynamicTest.dynamicTest(
                    "aiosim " + name,
                    () -> {
                      String[] prefix = name.isEmpty() ? new String[0] : new String[] {name};
                      Cli v = Cli.run(concat(prefix, "-V"));
                      assertThat(v.status()).isZero();
                      assertThat(v.out()).startsWith("aiosim ").contains("\nJava ");
                      Cli h = Cli.run(concat(prefix, "--help"));
                      assertThat(h.status()).isZero();
                      assertThat(h.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
                    }));
  }

  /**
   * Main builds only the command a command line names (prints the version without picocli, and
   * the command list from each command's summary alone): what each prints must be what the whole
   * tree prints.
   */
  @TestFactory
  Stream<DynamicTest> aCommandBuiltAloneBehavesAsInTheWholeTree() {
    return Stream.concat(
            Stream.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"--help"}, new String[] {"-h"}, new String[0]),
            commands().flatMap(n -> Stream.of(new String[] {n, "--help"}, new String[] {n, "-V"}, new String[] {n, "--nope"})))
        .map(
            args ->
                DynamicTest.dynamicTest(
                    "aiosim " + String.join(" ", args),
                    () -> {
                      StringWriter out = new StringWriter();
                      StringWriter err = new StringWriter();
                      int status = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
                      Cli alone = Cli.run(args);
                      assertThat(alone).isEqualTo(new Cli(status, out.toString(), err.toString()));
                    }));
  }

  @Test
  void aNamedCommandIsBuiltAlone() {
    assertThat(Main.needed(new String[] {"run", GATHER})).containsExactly(RunCommand.class);
    assertThat(Main.needed(new String[] {"help", "run"})).hasSize((int) commands().count() + 1);
    assertThat(Main.needed(new String[] {"--help"})).hasSize((int) commands().count() + 1);
    assertThat(Main.listOnly(new String[] {"--help"})).isTrue();
    assertThat(Main.listOnly(new String[0])).isTrue();
    assertThat(Main.listOnly(new String[] {"help"})).isFalse();
    assertThat(Main.listOnly(new String[] {"--help", "run"})).isFalse();
  }

  @Test
  void theCommandListShowsWholeSentences() {
    String help = Cli.run("--help").out();
    String list = help.substring(help.indexOf("Commands:\n"), help.indexOf("\n\n", help.indexOf("Commands:\n")));
    assertThat(list.lines().skip(1)).allSatisfy(l -> assertThat(l).endsWith("."));
    assertThat(list.lines().skip(1)).hasSize((int) commands().count() + 1);
  }

  @Test
  void aMistypedOptionOrCommandSuggestsTheNearestOne() {
    Cli option = Cli.run("run", "--fromat", "json", GATHER);
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err())
        .isEqualTo(
            "aiosim run: Unknown option: '--fromat'\nDid you mean --format?\nTry 'aiosim run --help' for more information.\n");
    Cli command = Cli.run("tset", "workflows");
    assertThat(command.status()).isEqualTo(2);
    assertThat(command.err()).contains("\nDid you mean test?\n");
    assertThat(Cli.run("run", "--zzz", GATHER).err()).doesNotContain("Did you mean");
  }

  @Test
  void nearestCountsTranspositionsAsOneEdit() {
    assertThat(BadCommandLine.distance("--fromat", "--format")).isEqualTo(1);
    assertThat(BadCommandLine.distance("tset", "test")).isEqualTo(1);
    assertThat(BadCommandLine.distance("run", "rn")).isEqualTo(1);
    assertThat(BadCommandLine.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void exportReadsStandardInput() throws IOException {
    Cli file = Cli.run("export", "--python", GATHER);
    Cli stdin = Cli.runWithInput(Files.readString(Path.of(GATHER)), "export", "--python", "-");
    assertThat(stdin.status()).isZero();
    assertThat(stdin.out()).isEqualTo(file.out()).startsWith("#!/usr/bin/env python3\n");
    Cli bad = Cli.runWithInput("version: 1\nstrategy: {kind: gather}\ntasks: []\n", "export", "--python", "-");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("<stdin>:3:");
    assertThat(Cli.run("export", "--python", "no/such.yaml").err()).isEqualTo("no/such.yaml: no such file or folder\n");
  }

  @TestFactory
  Stream<DynamicTest> completionScriptsComeFromTheCommands() {
    return Stream.of("bash", "zsh")
        .map(
            shell ->
                DynamicTest.dynamicTest(
                    shell,
                    () -> {
                      Cli r = Cli.run("completion", shell);
                      assertThat(r.status()).isZero();
                      assertThat(r.out())
                          .contains("complete -F _complete_aiosim")
                          .contains("bashcompinit") // what lets the one script run under zsh
                          .contains("--format")
                          .contains("--unreferenced");
                    }));
  }

  private static String[] concat(String[] a, String b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + 1);
    all[a.length] = b;
    return all;
  }
}
