package io.aiosim.cli;

import io.aiosim.dsl.PythonVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --python 3.13}: a supported version, or an error that names them (exit 2). */
final class PythonVersionConverter implements ITypeConverter<PythonVersion> {
  @Override
  public PythonVersion convert(String value) {
    return PythonVersion.parse(value)
        .orElseThrow(
            () -> new TypeConversionException(
                "unknown Python version '" + value + "'; supported: " + PythonVersion.supported()));
  }
}
