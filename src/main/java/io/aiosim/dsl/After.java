package io.aiosim.dsl;

/** {@code after: {sleep: d}}: the owner sleeps d (0 = one bare yield) once its step is over. */
public record After(long sleepNs) {}
