package io.aiosim.dsl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for workflow files: a file's bytes are decoded, or rejected at their position. */
final class Utf8 {
  private Utf8() {}

  /** How many bytes {@code s} takes in UTF-8 (each half of a surrogate pair counts 2 of its 4). */
  static long length(String s) {
    long n = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  /** The first malformed byte, as a diagnostic. */
  static final class Malformed extends Exception {
    final transient Diagnostic diagnostic;

    Malformed(Diagnostic d) {
      super(d.message(), null, false, false);
      this.diagnostic = d;
    }
  }

  /** Strict UTF-8: the first malformed byte becomes a diagnostic at its line and column. */
  static String decode(String label, byte[] bytes) throws Malformed {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      out.flip();
      int line = 1;
      int col = 1;
      for (int k = 0; k < out.length(); k++) {
        char c = out.charAt(k);
        if (c == '\n') {
          line++;
          col = 1;
        } else if (!Character.isLowSurrogate(c)) {
          col++;
        }
      }
      String msg = String.format("invalid UTF-8: byte 0x%02x; workflow files must be UTF-8", bytes[in.position()] & 0xff);
      throw new Malformed(new Diagnostic(new Position(label, line, col), msg));
    }
    dec.flush(out);
    out.flip();
    return out.toString();
  }
}
