package io.aiosim.report;

import io.aiosim.dsl.StrategySpec;
import java.util.List;

/**
 * Everything a report says about one run (SPEC section 6), in the order it is written.
 *
 * @param clock {@code virtual} or {@code real}
 * @param python the CPython version whose asyncio the run models (SPEC 8), e.g. {@code 3.12}
 * @param schedule the schedule token of the run's tie orders (SPEC 9), or null for the default
 * @param finishedAtNs the loop's time when {@code asyncio.run} returned
 */
public record RunResult(
    String workflow,
    StrategySpec strategy,
    String clock,
    String python,
    String schedule,
    Outcome outcome,
    List<TaskReport> tasks,
    EventLog events,
    List<Warning> warnings,
    long finishedAtNs) {}
