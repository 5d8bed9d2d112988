package io.aiosim.dsl;

/** An exception to raise: {@code fail: {type: ValueError, message: Error}}. */
public record ErrorSpec(String type, String message) {}
