package io.aiosim.golden;

import io.aiosim.junit.WorkflowTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite's golden test: every workflow under {@code workflows/} against a fresh run, through
 * the same helper a user's build would use. {@code mvn test -Daiosim.update=true} rewrites them.
 */
class WorkflowGoldenTest {
  @TestFactory
  Stream<DynamicTest> everyWorkflowMatchesItsGolden() {
    return WorkflowTests.from(Path.of("workflows"));
  }
}
