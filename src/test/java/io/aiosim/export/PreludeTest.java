package io.aiosim.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiosim.conformance.Python;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference loop of SPEC 5, run under CPython 3.12: what the prelude promises. */
class PreludeTest {
  private static Python python;

  @BeforeAll
  static void findPython() {
    python = Python.find(12, Path.of("target", "export-tests")).orElse(null);
    Assumptions.assumeTrue(python != null, "no CPython 3.12 found (python3.12 on PATH, or under pyenv)");
  }

  @AfterAll
  static void stop() {
    if (python != null) {
      python.close();
    }
  }

  private static String run(String name, String snippet) throws Exception {
    return python.run(name, PythonExporterTest.prelude() + "\n" + snippet);
  }

  @Test
  void timersDueAtOneInstantFireInTheOrderTheyWereSet() throws Exception {
    // Plain heapq on a frozen clock would wake them as 0 2 6 5 7 4 1 3 (SPEC 5).
    String out =
        run(
            "ties",
            """
            async def sleeper(i, woke):
                await asyncio.sleep(1_000_000_000)
                woke.append(i)

            async def main():
                woke = []
                await asyncio.gather(*(sleeper(i, woke) for i in range(8)))
                print(*woke)

            asyncio.run(main(), loop_factory=ReferenceLoop)
            """);
    assertThat(out).isEqualTo("0 1 2 3 4 5 6 7\n");
  }

  @Test
  void theClockIsIntegerNanosecondsAndJumpsPastTheSelectCap() throws Exception {
    // _run_once caps select's timeout at 86400: the jump must still land on the timer itself.
    String out =
        run(
            "jump",
            """
            async def main():
                loop = asyncio.get_running_loop()
                await asyncio.sleep(10**15)
                print(type(loop.time()).__name__, loop.time())
                await asyncio.sleep(1)
                print(loop.time())

            asyncio.run(main(), loop_factory=ReferenceLoop)
            """);
    assertThat(out).isEqualTo("int 1000000000000000\n1000000000000001\n");
  }

  @Test
  void cancelledTimersAreSkippedByTheJump() throws Exception {
    String out =
        run(
            "cancelled",
            """
            async def main():
                loop = asyncio.get_running_loop()
                seen = []
                loop.call_at(5, lambda: seen.append("five")).cancel()
                done = loop.create_future()
                loop.call_at(10, lambda: done.set_result(loop.time()))
                print(await done, seen)

            asyncio.run(main(), loop_factory=ReferenceLoop)
            """);
    assertThat(out).isEqualTo("10 []\n");
  }

  @Test
  void timesPrintAsTheReportWantsThem() throws Exception {
    String out =
        run(
            "times",
            """
            print(*(_Time(ns).json() for ns in (0, 100_000_000, 2_000_000_000, 1, 86_400_000_000_001)))
            """);
    assertThat(out).isEqualTo("0.0 0.1 2.0 0.000000001 86400.000000001\n");
  }
}
