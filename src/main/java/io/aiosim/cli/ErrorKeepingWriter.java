package io.aiosim.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Keeps the first write error, which a PrintWriter would reduce to a flag (a full disk's). */
final class ErrorKeepingWriter extends FilterWriter {
  IOException first;

  ErrorKeepingWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    try {
      super.write(c);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    try {
      super.write(buf, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    try {
      super.write(str, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      super.flush();
    } catch (IOException e) {
      throw remember(e);
    }
  }

  private IOException remember(IOException e) {
    if (first == null) {
      first = e;
    }
    return e;
  }
}
