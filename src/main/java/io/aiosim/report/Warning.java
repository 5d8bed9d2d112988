package io.aiosim.report;

/** What asyncio's exception handler received; {@code task} and {@code error} may be null. */
public record Warning(String message, String task, ErrorValue error) {}
