package io.aiosim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistake on the command line: what is wrong, the nearest option or command, and where help
 * is (git's and cargo's shape), instead of the whole usage text, which buries the one line that
 * matters. Exit status 2.
 */
final class BadCommandLine implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine line = ex.getCommandLine();
    PrintWriter err = line.getErr();
    String name = line.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage());
    String nearest = ex instanceof UnmatchedArgumentException u ? nearest(u) : null;
    if (nearest != null) {
      err.println("Did you mean " + nearest + "?");
    } else {
      UnmatchedArgumentException.printSuggestions(ex, err);
    }
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return ExitCode.INVALID_INPUT.code();
  }

  /**
   * The option or command closest to the first unmatched word by edit distance ({@code
   * --fromat}: {@code --format}; picocli's own suggestions only match the first letters), or
   * null when nothing is close.
   */
  static String nearest(UnmatchedArgumentException u) {
    if (u.getUnmatched().isEmpty()) {
      return null;
    }
    String word = u.getUnmatched().get(0);
    int eq = word.indexOf('=');
    if (word.startsWith("-") && eq > 0) {
      word = word.substring(0, eq);
    }
    CommandSpec spec = u.getCommandLine().getCommandSpec();
    List<String> names = new ArrayList<>();
    if (word.startsWith("-")) {
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          names.addAll(List.of(o.names()));
        }
      }
    } else {
      names.addAll(spec.subcommands().keySet());
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = distance(word, n);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    // Close means at most a third of the word wrong (and never the whole of a short word).
    return best != null && bestDistance <= Math.max(1, word.length() / 3) ? best : null;
  }

  /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
