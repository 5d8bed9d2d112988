package io.aiosim.dsl;

/**
 * One task: a name, a body, and optional cancellation cleanup.
 *
 * @param onCancel the {@code on_cancel} block, or null
 */
public record TaskSpec(String name, TaskBody body, OnCancel onCancel) {}
