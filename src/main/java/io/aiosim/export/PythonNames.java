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
          "and", "as", "assert", "async", "await", "break", "case", "class", "continue", "def",
          "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
          "in", "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise", "return", "try",
          "while", "with", "yield", // "type", a soft keyword, is a builtin too
          // every builtin (Python 3.12's dir(builtins)): a task never shadows one
          "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
          "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
          "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
          "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
          "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
          "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
          "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
          "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
          "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None",
          "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
          "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
          "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
          "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
          "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError",
          "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
          "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "abs",
          "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
          "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
          "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
          "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex",
          "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
          "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord",
          "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
          "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
          "vars", "zip",
          // modules and the prelude's public names
          "asyncio", "collections", "gc", "heapq", "itertools", "json",
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
