package io.aiosim.report;

/**
 * How main's strategy step ended: {@code returned} with a value or {@code raised} with an error,
 * at {@code atNs}.
 */
public record Outcome(boolean returned, long atNs, Object value, ErrorValue error) {}
