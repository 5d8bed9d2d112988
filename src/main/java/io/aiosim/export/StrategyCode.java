package io.aiosim.export;

import io.aiosim.dsl.StrategySpec;
import io.aiosim.dsl.StrategySpec.ReturnWhen;
import io.aiosim.dsl.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The asyncio code of one strategy step (SPEC 2), leaving the strategy's value in {@code value}
 * or raising its error. Used for main's step and for a group task's body alike.
 */
final class StrategyCode {
  private final Code code;
  private final BiFunction<TaskSpec, String, String> call;

  /**
   * @param call the coroutine call that makes a task's body, given the name of the TaskGroup
   *     variable its spawns go to (null outside any TaskGroup)
   */
  StrategyCode(Code code, BiFunction<TaskSpec, String, String> call) {
    this.code = code;
    this.call = call;
  }

  /**
   * Writes the step.
   *
   * @param ownTg the variable to bind this step's own TaskGroup to (taskgroup kind)
   * @param outerTg the enclosing TaskGroup's variable, which tasks of other kinds spawn into, or
   *     null
   */
  void write(StrategySpec s, List<TaskSpec> tasks, String ownTg, String outerTg) {
    // gather, taskgroup and create_task run inside asyncio.timeout; as_completed and wait take
    // timeout= themselves (SPEC 2).
    boolean timeoutBlock =
        s.timeoutNs() != null && !(s instanceof StrategySpec.AsCompleted || s instanceof StrategySpec.Wait);
    if (timeoutBlock) {
      code.line(
              "async with asyncio.timeout(%s):  # %s s"
                  .formatted(PythonLiteral.nanos(s.timeoutNs()), PythonLiteral.seconds(s.timeoutNs())))
          .indent();
    }
    switch (s) {
      case StrategySpec.Gather g -> gather(g, tasks, outerTg);
      case StrategySpec.TaskGroup g -> taskGroup(tasks, ownTg);
      case StrategySpec.AsCompleted a -> asCompleted(a, tasks, outerTg);
      case StrategySpec.Wait w -> waitStep(w, tasks, outerTg);
      case StrategySpec.CreateTask c -> createTask(c, tasks, outerTg);
    }
    if (timeoutBlock) {
      code.dedent();
    }
    if (s instanceof StrategySpec.TaskGroup) {
      code.line("value = [t.result() for t in tasks]");
    }
  }

  private void gather(StrategySpec.Gather s, List<TaskSpec> tasks, String outerTg) {
    List<String> args = new ArrayList<>();
    for (TaskSpec t : tasks) {
      args.add(call.apply(t, outerTg));
    }
    if (s.returnExceptions()) {
      args.add("return_exceptions=True");
    }
    callLines("value = await asyncio.gather(", args, ")");
  }

  private void taskGroup(List<TaskSpec> tasks, String tg) {
    code.line("async with asyncio.TaskGroup() as " + tg + ":").indent();
    List<String> creates = new ArrayList<>();
    for (TaskSpec t : tasks) {
      creates.add(tg + ".create_task(" + call.apply(t, tg) + ")");
    }
    callLines("tasks = [", creates, "]");
    code.dedent();
  }

  private void asCompleted(StrategySpec.AsCompleted s, List<TaskSpec> tasks, String outerTg) {
    createTasks(tasks, outerTg, false);
    code.line("value = []");
    String timeout = s.timeoutNs() == null ? "" : ", timeout=" + PythonLiteral.nanos(s.timeoutNs());
    code.line("for f in asyncio.as_completed(tasks" + timeout + "):").indent();
    code.line("try:").indent().line("value.append(item(result=await f))").dedent();
    code.line("except Exception as e:").indent().line("value.append(item(error=e))");
    if (s.onError() == StrategySpec.OnError.CANCEL_REMAINING) {
      code.line("for t in tasks:  # every task, finished or not (SPEC 2)");
      code.indent().line("t.cancel()").dedent();
      code.line("break");
    }
    code.dedent().dedent();
  }

  private void waitStep(StrategySpec.Wait s, List<TaskSpec> tasks, String outerTg) {
    createTasks(tasks, outerTg, true);
    StringBuilder args = new StringBuilder("tasks.values()");
    if (s.timeoutNs() != null) {
      args.append(", timeout=").append(PythonLiteral.nanos(s.timeoutNs()));
    }
    if (s.returnWhen() != ReturnWhen.ALL_COMPLETED) {
      args.append(", return_when=asyncio.").append(s.returnWhen().name());
    }
    code.line("done, pending = await asyncio.wait(" + args + ")");
    if (s.cancelPending()) {
      code.line("for t in tasks.values():  # in creation order (SPEC 2)").indent();
      code.line("if t in pending:").indent().line("t.cancel()").dedent().dedent();
    }
    if (s.retrieve()) {
      code.line("for t in tasks.values():  # for t in done: t.exception(), in creation order").indent();
      code.line("if t in done and not t.cancelled():").indent().line("t.exception()").dedent().dedent();
    }
    code.line("value = {");
    code.indent();
    code.line("\"done\": [n for n, t in tasks.items() if t in done],");
    code.line("\"pending\": [n for n, t in tasks.items() if t in pending],");
    code.dedent().line("}");
  }

  private void createTask(StrategySpec.CreateTask s, List<TaskSpec> tasks, String outerTg) {
    createTasks(tasks, outerTg, true);
    List<String> awaited = new ArrayList<>();
    for (String name : s.await() == null ? tasks.stream().map(TaskSpec::name).toList() : s.await()) {
      awaited.add("await tasks[" + PythonLiteral.string(name) + "]");
    }
    callLines("value = [", awaited, "]");
  }

  /** {@code tasks = [...]}, or a dict by name when the step refers to tasks by name. */
  private void createTasks(List<TaskSpec> tasks, String outerTg, boolean byName) {
    List<String> creates = new ArrayList<>();
    for (TaskSpec t : tasks) {
      String create = "asyncio.create_task(" + call.apply(t, outerTg) + ")";
      creates.add(byName ? PythonLiteral.string(t.name()) + ": " + create : create);
    }
    callLines(byName ? "tasks = {" : "tasks = [", creates, byName ? "}" : "]");
  }

  /** {@code head a, b)} on one line when short, else one item a line with a trailing comma. */
  private void callLines(String head, List<String> items, String tail) {
    String one = head + String.join(", ", items) + tail;
    if (one.length() <= 88 && items.size() <= 4) {
      code.line(one);
      return;
    }
    code.line(head).indent();
    for (String item : items) {
      code.line(item + ",");
    }
    code.dedent().line(tail);
  }
}
