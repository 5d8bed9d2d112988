package io.aiosim.cli;

import io.aiosim.run.Schedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --schedule TOKEN}: a malformed or foreign token is a command-line error (exit 2). */
final class ScheduleConverter implements ITypeConverter<Schedule> {
  @Override
  public Schedule convert(String token) {
    try {
      return Schedule.parse(token);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
