package io.aiosim.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonNamesTest {
  @Test
  void taskNamesBecomeReadableIdentifiers() {
    PythonNames names = new PythonNames();
    assertThat(names.of("hello-0.1")).isEqualTo("hello_0_1");
    assertThat(names.of("hello-0.1")).isEqualTo("hello_0_1"); // stable
    assertThat(names.of("worker_7")).isEqualTo("worker_7");
  }

  @Test
  void clashesGetASuffix() {
    PythonNames names = new PythonNames();
    assertThat(names.of("a-b")).isEqualTo("a_b");
    assertThat(names.of("a.b")).isEqualTo("a_b_2");
    assertThat(names.of("a_b")).isEqualTo("a_b_3");
  }

  @Test
  void keywordsBuiltinsPreludeNamesAndLocalsAreAvoided() {
    PythonNames names = new PythonNames();
    assertThat(names.of("class")).isEqualTo("class_2");
    assertThat(names.of("print")).isEqualTo("print_2");
    assertThat(names.of("main")).isEqualTo("main_2");
    assertThat(names.of("log")).isEqualTo("log_2");
    assertThat(names.of("tasks")).isEqualTo("tasks_2");
    assertThat(names.of("asyncio")).isEqualTo("asyncio_2");
  }

  @Test
  void digitsAndUnderscoresFirstArePrefixed() {
    PythonNames names = new PythonNames();
    assertThat(names.of("0.1")).isEqualTo("task_0_1");
    assertThat(names.of("_REPORT")).isEqualTo("task__REPORT");
  }
}
