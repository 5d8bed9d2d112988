package io.aiosim.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.aiosim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** dsl-schema/workflow.schema.json: packed, printed, well-formed, and true to the workflows. */
class SchemaTest {
  static final Path SCHEMA = Path.of("dsl-schema/workflow.schema.json");
  static final Pattern MODELINE =
      Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)$", Pattern.MULTILINE);

  @Test
  void theJarCarriesTheRepositorysSchemaByteForByte() throws IOException {
    assertThat(SchemaValidator.schemaText()).isEqualTo(Files.readString(SCHEMA, StandardCharsets.UTF_8));
  }

  @Test
  void schemaCommandPrintsIt() throws IOException {
    StringWriter out = new StringWriter();
    int code = Main.execute(new String[] {"schema"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(Files.readString(SCHEMA, StandardCharsets.UTF_8));
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(Files.readString(SCHEMA), InputFormat.JSON)).isEmpty();
  }

  @Test
  void theSchemasPythonVersionsAreTheSupportedOnes() throws IOException {
    var python = new tools.jackson.databind.ObjectMapper().readTree(Files.readString(SCHEMA)).at("/properties/python/enum");
    List<String> keys = new java.util.ArrayList<>();
    python.forEach(v -> keys.add(v.stringValue()));
    assertThat(keys).containsExactly(java.util.Arrays.stream(PythonVersion.values()).map(PythonVersion::key).toArray(String[]::new));
  }

  @Test
  void schemaErrorsAreMappedBackToTheirPositions() {
    String text = "version: 1\nstrategy: {kind: gather}\ntasks:\n  - name: a\n    delay: soon\n  - {name: b, colour: red}\n";
    YamlNode root = YamlLoader.load("s.yaml", text, Limits.DEFAULT).root();
    List<String> found =
        SchemaValidator.validate(root).stream().map(f -> f.pos().line() + ":" + f.pos().column() + " " + f.message()).toList();
    assertThat(found).anyMatch(s -> s.startsWith("5:12 delay: "));
    assertThat(found).anyMatch(s -> s.startsWith("6:15 colour: "));
  }

  @Test
  void anOptionOfAnotherKindIsFoundAtItsKey() {
    String text = "version: 1\nstrategy: {kind: wait, return_exceptions: true}\ntasks: [{name: a}]\n";
    YamlNode root = YamlLoader.load("s.yaml", text, Limits.DEFAULT).root();
    assertThat(SchemaValidator.validate(root))
        .extracting(f -> f.pos().line() + ":" + f.pos().column() + " " + f.message())
        .containsExactly(
            "2:24 return_exceptions: property 'return_exceptions' name is not valid: does not have a"
                + " value in the enumeration [\"kind\", \"timeout\", \"return_when\", \"cancel_pending\", \"retrieve\"]"
                + " (schema: propertyNames)");
  }

  /** The files under workflows/ (written by the other helpers) pass the schema and the reader. */
  @TestFactory
  Stream<DynamicTest> everyWorkflowValidates() throws IOException {
    Path dir = Path.of("workflows");
    List<Path> files;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
    } else {
      files = List.of();
    }
    Assumptions.assumeFalse(files.isEmpty(), "no workflows/**/*.yaml in this checkout yet");
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.toString(),
                    () -> {
                      String text = Files.readString(f);
                      Matcher m = MODELINE.matcher(text);
                      assertThat(m.find()).as("the modeline").isTrue();
                      assertThat(f.getParent().resolve(m.group(1)).normalize())
                          .as("the modeline's path")
                          .isEqualTo(SCHEMA);
                      YamlNode root = YamlLoader.load(f.toString(), text, Limits.DEFAULT).root();
                      assertThat(SchemaValidator.validate(root)).isEmpty();
                      assertThat(WorkflowReader.read(f).diagnostics()).isEmpty();
                    }));
  }
}
