package io.aiosim.cli;

import io.aiosim.run.Schedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --schedule TOKEN} of {@code run} and {@code export} (SPEC 9). */
final class ScheduleOption {
  @Option(
      names = "--schedule",
      paramLabel = "TOKEN",
      converter = Converter.class,
      description = "Order the ties (timers due at one instant) as TOKEN says, as `aiosim explore` prints it (e.g. s1:2=1.0;"
          + " docs/spec.md, section 9); the report names it. Default: s1:, first in, first out at every tie.")
  Schedule schedule = Schedule.FIFO;

  /** A malformed or foreign token is a command-line error (exit 2), with the reason. */
  static final class Converter implements ITypeConverter<Schedule> {
    @Override
    public Schedule convert(String token) {
      try {
        return Schedule.parse(token);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
