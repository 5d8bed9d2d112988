package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aiosim validate}: ok lines on stdout, rendered problems on stderr, exit 0 or 2. */
class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run validate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.execute(all, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aValidFileIsOk() throws IOException {
    Path good = file("good.yaml", "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a}]\n");
    assertThat(validate(good.toString())).isEqualTo(new Run(0, good + ": ok\n", ""));
  }

  @Test
  void everyProblemOfEveryFileWithItsCaretAndExitTwo() throws IOException {
    Path good = file("good.yaml", "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a}]\n");
    Path bad = file("bad.yaml", "version: 1\nstrategy: {kind: gahter}\ntasks: [{name: a, dealy: 1}]\n");
    Run r = validate(bad.toString(), good.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEqualTo(good + ": ok\n");
    assertThat(r.err())
        .isEqualTo(
            bad + ":2:18: kind: unknown strategy 'gahter'; did you mean 'gather'?\n"
                + "strategy: {kind: gahter}\n"
                + "                 ^\n"
                + bad + ":3:19: unknown key 'dealy' in a task; did you mean 'delay'?\n"
                + "tasks: [{name: a, dealy: 1}]\n"
                + "                  ^\n");
  }

  @Test
  void maxTasksSetsTheLimit() throws IOException {
    Path f = file("c.yaml", "version: 1\nstrategy: {kind: gather}\ntasks: [{name: \"w{i}\", count: 5}]\n");
    assertThat(validate(f.toString()).code()).isZero();
    Run r = validate("--max-tasks", "4", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(f + ":3:31: count: 5 is more than the limit of 4 tasks\n");
  }

  @Test
  void aMissingFileIsInvalidInputNotACrash() {
    Run r = validate("no-such-file.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("no-such-file.yaml: no such file or folder\n");
  }

  @Test
  void aFolderIsSearchedAsRunSearchesIt() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Path good = file("sub/good.yml", "version: 1\nstrategy: {kind: gather}\ntasks: [{name: a}]\n");
    Path bad = file("bad.yaml", "version: 1\nstrategy: {kind: gather}\ntasks: []\n");
    Run r = validate(dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEqualTo(good + ": ok\n");
    assertThat(r.err()).startsWith(bad + ":3:");
    Files.delete(bad);
    assertThat(validate(dir.toString())).isEqualTo(new Run(0, good + ": ok\n", ""));
  }

  @Test
  void noFileIsAUsageError() {
    assertThat(validate().code()).isEqualTo(2);
    assertThat(validate("--max-tasks", "0", "x.yaml").code()).isEqualTo(2);
  }
}
