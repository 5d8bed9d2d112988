package io.aiosim.golden;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file so that a reader (or a process killed half way) only ever sees the old bytes
 * or the new ones: write a temporary file in the same directory, flush it to disk, then rename
 * it over the target, which POSIX makes atomic within one file system. Temporaries are named
 * {@code .NAME.PID.N.tmp}, never taken for workflows or goldens; those a killed process left
 * (its PID no longer alive) are removed by the next write in their folder.
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  /** Writes {@code text} (UTF-8) to {@code target}, replacing it atomically. */
  public static void replace(Path target, String text) throws IOException {
    replace(target, w -> w.write(text));
  }

  /** What goes into the file, written as it is produced. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Streams {@code content} (UTF-8) into {@code target}, replacing it atomically: a report of a
   * million tasks goes to disk as it is written, never held in memory as one string.
   */
  public static void replace(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (SWEPT.add(dir)) removeStale(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".", ".tmp");
    try {
      keepPermissions(target, tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16);
        content.writeTo(w);
        w.flush();
        ch.force(true);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Folders already cleared of stale temporaries by this process (once each is enough). */
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d{1,18})\\.\\d+\\.tmp");

  /** Deletes the temporaries in {@code dir} whose writer is no longer alive; best effort. */
  private static void removeStale(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path f : files) {
        Matcher m = TEMPORARY.matcher(f.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A folder that cannot be listed or a file that cannot be deleted only keeps its litter.
    }
  }

  /** Temporary files are created owner-only; a golden must stay readable like any source file. */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(
          tmp,
          Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
  }

  /** Renames {@code from} over {@code to} atomically (both in one directory). */
  public static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(to.toAbsolutePath().getParent());
  }

  /** Makes the rename itself durable; some platforms cannot open a directory, which is harmless. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the rename is atomic either way; only its durability on power loss is at stake.
    }
  }
}
