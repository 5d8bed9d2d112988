package io.aiosim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aiosim completion bash|zsh}: the shell completion script, made by picocli's generator
 * from the commands themselves, so it never falls behind an option. picocli writes one script
 * for both shells; under zsh it loads {@code bashcompinit} itself.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a shell completion script for bash or zsh.",
      "bash: source <(aiosim completion bash), or save it in ~/.local/share/bash-completion/completions/aiosim.",
      "zsh: source <(aiosim completion zsh) in ~/.zshrc (after compinit)."
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells picocli's script supports, spelt as on the command line. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("aiosim", spec.root().commandLine()));
    out.flush();
    return ExitCode.OK.code();
  }
}
