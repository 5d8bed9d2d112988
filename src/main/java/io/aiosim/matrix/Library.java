package io.aiosim.matrix;

import io.aiosim.dsl.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a matrix's table and scenarios come from: a folder, or the library bundled in the jar
 * (built from {@code workflows/matrix/}, so that {@code aiosim matrix} works from any folder).
 */
public sealed interface Library {
  /** The table's file name in every library. */
  String TABLE = "table.json";

  /** How {@code name} is shown in messages and notes: a path, or {@code matrix/x.yaml} in the jar. */
  String label(String name);

  /** The text of {@code name}, or null when the library has no such file. */
  String read(String name) throws IOException;

  /** A folder holding {@code table.json} and the scenarios. */
  record Folder(Path dir) implements Library {
    @Override
    public String label(String name) {
      return dir.resolve(name).toString();
    }

    @Override
    public String read(String name) throws IOException {
      Path file = dir.resolve(name);
      try {
        // A workflow's own limit, checked before the file is read whole.
        if (Files.size(file) > Limits.DEFAULT.maxFileBytes()) {
          throw new IOException("larger than " + (Limits.DEFAULT.maxFileBytes() >> 20) + " MiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return null;
      }
    }
  }

  /** The library shipped as resources under {@code matrix/} (pom.xml copies workflows/matrix there). */
  record Bundled() implements Library {
    @Override
    public String label(String name) {
      return "matrix/" + name;
    }

    @Override
    public String read(String name) throws IOException {
      try (InputStream in = Library.class.getResourceAsStream("/matrix/" + name)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
