package io.aiosim.golden;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file-system failure said in one line for a person ({@code out/x.json: permission denied}),
 * never a class name or a trace: most of them are the user's to fix (a read-only folder, a file
 * where a folder should be, a full disk). Its message is that line.
 */
public final class FileError extends IOException {
  private static final long serialVersionUID = 1L;
  /** {@link AtomicWrite}'s temporaries: {@code .NAME.<pid>.<random digits>.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[0-9]+\\.[0-9]+\\.tmp");

  private FileError(String message, IOException cause) {
    super(message, cause);
  }

  /** {@code e} as a one-line error about writing or reading {@code target}. */
  public static FileError of(Path target, IOException e) {
    return e instanceof FileError f ? f : new FileError(describe(target, e), e);
  }

  /** {@code FILE: reason}, with the file the exception names, if any. */
  public static String describe(IOException e) {
    return describe(null, e);
  }

  /** {@code FILE: reason}; {@code target} (or null) stands in when the exception names no file. */
  public static String describe(Path target, IOException e) {
    if (e instanceof FileError f) {
      return f.getMessage();
    }
    String file = target == null ? null : target.toString();
    String reason;
    if (e instanceof FileSystemException fse) {
      if (fse.getFile() != null) {
        file = withoutTemporary(fse.getFile());
      }
      reason =
          switch (fse) {
            case NoSuchFileException x -> "no such file or folder";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a folder";
            case DirectoryNotEmptyException x -> "is a folder";
            // Files.createDirectories says this when a part of the path is a file.
            case FileAlreadyExistsException x -> "exists and is not a folder";
            default -> fse.getReason() != null ? fse.getReason() : String.valueOf(fse.getMessage());
          };
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    reason = folder(lowerFirst(reason));
    return file == null ? reason : file + ": " + reason;
  }

  /** A temporary's name is an implementation detail: name the file it was going to become. */
  private static String withoutTemporary(String file) {
    Path p = Path.of(file);
    Matcher m = TEMPORARY.matcher(p.getFileName() == null ? "" : p.getFileName().toString());
    return m.matches() ? p.resolveSibling(m.group(1)).toString() : file;
  }

  /** The messages say folder, never directory. */
  private static String folder(String reason) {
    return switch (reason) {
      case "is a directory" -> "is a folder";
      case "not a directory" -> "not a folder";
      case "directory not empty" -> "is a folder";
      default -> reason;
    };
  }

  /** The system's "No space left on device" reads as the rest of our messages do. */
  private static String lowerFirst(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
