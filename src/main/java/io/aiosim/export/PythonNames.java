package io.aiosim.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One Python function name per workflow task, readable ({@code hello-0.1} becomes {@code
 * hello_0_1}) and clear of keywords, builtins, the prelude's names and the locals the generated
 * code uses.
 */
final class PythonNames {
  private static final Set<String> RESERVED =
      Set.of(
          // keywords and soft keywords
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
          "return", "try", "while", "with", "yield", "match", "case", "type",
          // builtins the program or prelude calls
          "print", "len", "list", "dict", "set", "str", "int", "float", "bool", "min", "max",
          "sorted", "iter", "next", "isinstance", "getattr", "super", "object", "tuple", "range",
          "enumerate", "zip", "hash", "repr", "id", "open", "globals", "Exception",
          "BaseException", "BaseExceptionGroup", "ExceptionGroup", "TimeoutError",
          "StopIteration", "RuntimeError", "TypeError",
          // modules and the prelude's public names
          "asyncio", "builtins", "collections", "gc", "heapq", "itertools", "json",
          "selectors", "sys", "traceback", "events", "runners", "taskgroups", "timeouts",
          "ReferenceLoop", "Task", "task", "log", "error", "returned", "raised", "item",
          "report", "seconds", "main",
          // locals of the generated functions
          "tasks", "value", "done", "pending", "f", "t", "e", "n", "tg", "inner_tg");

  private final Set<String> used = new HashSet<>(RESERVED);
  private final Map<String, String> byTask = new HashMap<>();

  /** The function name of the task called {@code taskName} (task names are unique). */
  String of(String taskName) {
    return byTask.computeIfAbsent(taskName, this::fresh);
  }

  private String fresh(String taskName) {
    StringBuilder sb = new StringBuilder();
    for (char c : taskName.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
    }
    String base = sb.toString();
    if (base.isEmpty() || Character.isDigit(base.charAt(0)) || base.charAt(0) == '_') {
      base = "task_" + base;
    }
    String name = base;
    for (int n = 2; used.contains(name); n++) {
      name = base + "_" + n;
    }
    used.add(name);
    return name;
  }
}
