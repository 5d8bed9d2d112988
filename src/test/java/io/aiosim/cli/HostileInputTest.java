package io.aiosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, each class generated here (none is committed: some are megabytes): every one
 * is a positioned message and exit 2 (or a clean exit 0), never a trace, an internal error, a
 * hang or a flood of output. The time limit is only a generous hang guard.
 */
class HostileInputTest {
  static final String HEAD = "version: 1\nstrategy: {kind: gather}\n";
  static final Duration HANG_GUARD = Duration.ofSeconds(120);

  @TempDir Path dir;

  /** A hostile file: what {@code validate} must say (the start of its first line), or "ok". */
  record Case(String name, Supplier<String> text, String expected) {}

  static List<Case> cases() {
    String deep = "[".repeat(900) + "1" + "]".repeat(900);
    return List.of(
        new Case("long-invalid-name", () -> HEAD + "tasks:\n  - name: " + "a".repeat(1 << 20) + "!\n",
            "h.yaml:4:11: name: 'aaaaa"),
        new Case("long-valid-name", () -> HEAD + "tasks:\n  - name: " + "a".repeat(1 << 20) + "\n", "ok"),
        new Case("long-error-type", () -> HEAD + "tasks:\n  - {name: a, fail: " + "E".repeat(1 << 20) + "-}\n",
            "h.yaml:4:21: fail: 'EEEE"),
        new Case("long-await-name",
            () -> "version: 1\nstrategy: {kind: create_task, await: [" + "w".repeat(1 << 20) + "]}\ntasks: [{name: a}]\n",
            "h.yaml:2:39: await: no task named 'www"),
        new Case("deep-version", () -> "version: " + deep + "\nstrategy: {kind: gather}\ntasks: [{name: a}]\n",
            "h.yaml:1:10: version: expected 1"),
        new Case("deep-kind", () -> "version: 1\nstrategy: {kind: " + deep + "}\ntasks: [{name: a}]\n",
            "h.yaml:2:18: kind: expected a string, got a list"),
        new Case("deep-name", () -> HEAD + "tasks: [{name: " + deep + "}]\n", "h.yaml:3:16: name: expected a string"),
        new Case("deep-result", () -> HEAD + "tasks: [{name: a, result: " + deep + "}]\n",
            "h.yaml:3:127: a value nested deeper than 100 levels"),
        new Case("aliases-of-aliases", HostileInputTest::aliasTower, "h.yaml:10:"),
        new Case("count-times-a-value",
            () -> HEAD + "tasks: [{name: \"t{i}\", count: 200000, result: " + "v".repeat(2000) + "}]\n",
            "h.yaml:3:1: tasks: the report could reach"),
        new Case("ten-million-with-cleanup",
            () -> HEAD + "tasks:\n  - {name: \"w{i}\", count: 10000000, steps: [{sleep: 1}], on_cancel: {steps: [{log: c}]}}\n",
            "h.yaml:3:1: tasks: 10000000 tasks after count expansion would need about"),
        new Case("a-15-MiB-comment", () -> HEAD + "#" + "c".repeat(15 << 20) + "\ntasks: [{name: a}]\n", "ok"),
        new Case("a-12-MiB-line-of-unknown-keys", HostileInputTest::wideLine, "h.yaml:1:60: unknown key 'k0'"),
        new Case("unknown-await-names-among-a-million-tasks", HostileInputTest::awaitMany,
            "h.yaml:2:39: await: no task named 'x-000000' among this strategy's tasks"),
        new Case("control-characters-in-a-name", () -> HEAD + "tasks: [{name: \"a\\e]0;x\\a\\e[2J\\u202e\\u009b\"}]\n",
            "h.yaml:3:16: name: 'a\\u001b]0;x\\u0007\\u001b[2J\\u202e\\u009b' is not a valid task name"));
  }

  /** Nine lines whose aliases repeat a 1 KiB string 16^4 times: 64 MiB of text, 65,536 nodes. */
  static String aliasTower() {
    StringBuilder b = new StringBuilder(HEAD + "tasks:\n  - name: a\n    result:\n");
    b.append("      - &l0 ").append("x".repeat(1024)).append('\n');
    for (int level = 1; level <= 4; level++) {
      b.append("      - &l").append(level).append(" [").append(("*l" + (level - 1) + ", ").repeat(15))
          .append("*l").append(level - 1).append("]\n");
    }
    return b.toString();
  }

  /** 300 unknown names to await among a million tasks: each used to be compared with every name. */
  static String awaitMany() {
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < 300; k++) names.append(k == 0 ? "" : ", ").append(String.format("x-%06d", k));
    return "version: 1\nstrategy: {kind: create_task, await: [" + names + "]}\ntasks:\n  - {name: \"w-{i}\", count: 1000000}\n";
  }

  /** One 12 MiB line: the whole workflow as a flow mapping, with a hundred thousand unknown keys. */
  static String wideLine() {
    StringBuilder b = new StringBuilder("{version: 1, strategy: {kind: gather}, tasks: [{name: a}], ");
    for (int k = 0; b.length() < 12 << 20; k++) b.append("k").append(k).append(": ").append("v".repeat(100)).append(", ");
    return b.append("z: 1}\n").toString();
  }

  @TestFactory
  Stream<DynamicTest> eachHostileFileIsAPositionedMessageOrValid() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(Case c) throws IOException {
    Path f = dir.resolve("h.yaml");
    Files.writeString(f, c.text().get());
    Cli v = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("validate", f.toString()));
    noTraceNoFlood(v);
    if (c.expected().equals("ok")) {
      assertThat(v.status()).as(v.err()).isZero();
      return;
    }
    assertThat(v.status()).isEqualTo(2);
    assertThat(v.out()).isEmpty();
    assertThat(v.err()).startsWith(f.getParent() + "/" + c.expected());
    Cli r = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("run", f.toString()));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(v.err());
  }

  /** No stack trace, no internal error, no control character, and a bounded amount of text. */
  static void noTraceNoFlood(Cli c) {
    assertThat(c.status()).isNotEqualTo(3);
    assertThat(c.err()).doesNotContain("\tat ").doesNotContain("aiosim: internal error").doesNotContain("Exception");
    assertThat(c.err().length()).as("stderr").isLessThan(100_000);
    assertThat(c.err().chars().filter(ch -> (ch < 0x20 && ch != '\n') || (ch >= 0x7f && ch <= 0x9f) || ch == 0x202e))
        .as("control characters on stderr")
        .isEmpty();
  }

  @Test
  void theViewsEscapeEveryControlCharacter() throws IOException {
    Path f = dir.resolve("evil.yaml");
    Files.writeString(f, "version: 1\nname: \"w\\e]0;title\\a\"\nstrategy: {kind: gather}\ntasks:\n"
        + "  - {name: a, steps: [{log: \"one\\ntwo\\r\\e[2J\\u009b1m\\u202e\"}, {raise: {type: E, message: \"\\e[5m\"}}]}\n");
    for (String format : List.of("text", "timeline")) {
      Cli r = Cli.run("run", "--format", format, f.toString());
      assertThat(r.status()).isZero();
      assertThat(r.out().chars().filter(ch -> (ch < 0x20 && ch != '\n') || (ch >= 0x7f && ch <= 0x9f) || ch == 0x202e))
          .as(format)
          .isEmpty();
      assertThat(r.out()).contains("\\u001b");
    }
  }

  @Test
  void standardInputIsReadOnceBoundedAndStrictly() {
    byte[] notUtf8 = "version: 1\nname: \"\u00ff\"\n".getBytes(StandardCharsets.ISO_8859_1);
    for (String command : List.of("run", "validate")) {
      Cli bad = withInput(notUtf8, command, "-");
      assertThat(bad.status()).isEqualTo(2);
      assertThat(bad.err()).startsWith("<stdin>:2:8: invalid UTF-8: byte 0xff");
      byte[] huge = new byte[20 << 20];
      java.util.Arrays.fill(huge, (byte) 'a');
      Cli big = withInput(huge, command, "-");
      assertThat(big.status()).isEqualTo(2);
      assertThat(big.err()).startsWith("<stdin>:1:1: the file is too large: more than 16777216 bytes");
      noTraceNoFlood(big);
    }
  }

  private static Cli withInput(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err));
    return new Cli(status, out.toString(), err.toString());
  }

  @Test
  void numericFlagsAreBoundedWithAMessage() throws IOException {
    Path f = Files.writeString(dir.resolve("ok.yaml"), HEAD + "tasks: [{name: a}]\n");
    String[][] bad = {
      {"run", "--jobs", "1073741824", f.toString()},
      {"run", "--jobs", "0", f.toString()},
      {"run", "--format", "timeline", "--width", "2000000000", f.toString()},
      {"run", "--format", "timeline", "--width", "39", f.toString()},
      {"validate", "--max-tasks", "0", f.toString()},
      {"validate", "--max-tasks", "99999999999", f.toString()},
      {"run", "--jobs", "99999999999", f.toString()},
    };
    for (String[] args : bad) {
      Cli c = Cli.run(args);
      assertThat(c.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(c.out()).isEmpty();
      noTraceNoFlood(c);
      assertThat(c.err()).containsAnyOf("--jobs", "--width", "--max-tasks");
    }
  }

  @Test
  void aWriteErrorOnStandardOutputIsNeverSuccess() throws IOException {
    Path f = Files.writeString(dir.resolve("ok.yaml"), HEAD + "tasks: [{name: a}]\n");
    Writer full =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void flush() throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void close() {}
        };
    for (String[] args : List.of(new String[] {"run", f.toString()}, new String[] {"validate", f.toString()})) {
      StringWriter err = new StringWriter();
      int status = Main.execute(args, new PrintWriter(full), new PrintWriter(err));
      assertThat(status).isEqualTo(2);
      assertThat(err.toString()).startsWith("aiosim: cannot write to standard output");
    }
  }

  /** A FIFO (what {@code <(...)} gives) is read once: validate used to open it twice and hang. */
  @Test
  void aPipeIsReadOnceByRunAndValidate() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      System.out.println("skipped: no mkfifo here (" + e.getMessage() + ")");
      return;
    }
    assertThat(mk.waitFor()).isZero();
    for (String command : List.of("validate", "run")) {
      Thread writer =
          Thread.ofVirtual().start(() -> {
            try {
              Files.writeString(fifo, HEAD + "tasks: [{name: a}]\n");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      Cli c = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run(command, fifo.toString()));
      writer.join(HANG_GUARD.toMillis());
      assertThat(c.status()).as(c.err()).isZero();
      assertThat(c.out()).contains(command.equals("run") ? "\"workflow\": \"pipe\"" : "pipe.yaml: ok");
    }
  }
}
