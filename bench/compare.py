#!/usr/bin/env python3
"""Whole-process benchmark: ./runner next to CPython 3.12 on the same workflows, in one run.

Every figure is taken beside the CPython programs it is compared with, the commands of a row
interleaved (A B C A B C ...), and printed as a median with the load average it was taken
under and as a ratio to CPython:

  * start-up: a tiny workflow, --version and --help against `python3 -c 'import asyncio, json'`
    (and the tiny workflow's exported program);
  * N tasks that each sleep a random delay (uniform 0..10 s, virtual clock) and return, under
    gather and taskgroup: the runner writing the report to a file, against two CPython 3.12
    programs: the workflow's exported program rewritten with loops (see compact(): the same
    prelude, reference loop and report, what a Python user would write to get that report),
    and the plain asyncio program without any recording (see plain(): the same tasks, delays
    and virtual clock, no report);
  * the 1M-task gather (full report, and --no-events) against the plain program;
  * 1,000 tiny workflows in one `./runner test`;
  * with --jmh N: the engine against the bare loop in one JMH run (EngineBench, BareLoopBench).

Peak RSS comes from wait4(); the runner and the report program must print the same bytes.

Usage (from the repository root; builds what it needs):
  python3 bench/compare.py                  # everything, 5 interleaved repeats (3 for the big ones)
  python3 bench/compare.py --sizes 1000 --big 0 --tests 0 --repeats 11   # start-up only
  python3 bench/compare.py --jmh 1000000 --sizes "" --big 0 --tests 0 --tiny 0   # engine vs bare loop
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "target", "compare")
RUNNER = os.path.join(ROOT, "runner")
TINY = os.path.join(ROOT, "workflows", "seed", "gather-basic.yaml")  # the start-up rows' workflow
BENCH_JAR = os.path.join(ROOT, "bench", "target", "benchmarks.jar")


def find_python():
    """Python 3.12, as the tests find it (python3.12 on PATH, else pyenv's); one that really runs."""
    cands = [shutil.which("python3.12")]
    for r in [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv"), "/root/.pyenv"]:
        if r:
            cands += sorted(glob.glob(os.path.join(r, "versions", "3.12.*", "bin", "python3")), reverse=True)
    for c in cands:
        if not c:
            continue
        try:
            out = subprocess.run([c, "--version"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.startswith("Python 3.12"):
            return c  # a pyenv shim without a 3.12 selected fails here and is skipped
    return None


def find_java():
    """The newest JDK >= 21 (as the runner chooses), read from each JDK's release file."""
    best, best_v = None, 0
    cands = [os.environ.get("AIOSIM_JAVA", "")] + glob.glob("/usr/lib/jvm/*/bin/java")
    for c in cands:
        if not c or not os.access(c, os.X_OK):
            continue
        rel = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(c))), "release")
        try:
            v = int(open(rel).read().split('JAVA_VERSION="')[1].split(".")[0].split('"')[0])
        except (OSError, IndexError, ValueError):
            continue
        if v >= 21 and v > best_v:
            best, best_v = c, v
    return best


def load1():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


# Linux carries a process's peak RSS across fork and exec (ru_maxrss of /bin/true started by a
# 200 MB parent: 213 MB), so the measured commands are started by this small helper, started
# before this script holds any report: a tiny run's peak is its own, not this script's.
SPAWNER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["out"], "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(job["cmd"], stdout=out, stderr=subprocess.PIPE, cwd=job["cwd"])
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.stderr.close()
    print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024.0,
                      "code": os.waitstatus_to_exitcode(status), "err": err.decode(errors="replace")[-2000:]}),
          flush=True)
"""
_spawner = None


def start_spawner():
    global _spawner
    if _spawner is None:
        _spawner = subprocess.Popen([sys.executable, "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    text=True)


def timed(cmd, stdout_path):
    """Runs cmd with stdout to a file; returns (wall s, CPU s, peak RSS MiB, exit code, load before)."""
    load = load1()
    start_spawner()
    _spawner.stdin.write(json.dumps({"cmd": cmd, "out": stdout_path, "cwd": ROOT}) + "\n")
    _spawner.stdin.flush()
    r = json.loads(_spawner.stdout.readline())
    if r["code"] != 0:
        sys.stderr.write(f"{' '.join(cmd)}: exit {r['code']}\n{r['err']}\n")
    return r["wall"], r["cpu"], r["rss"], r["code"], load


class Figure:
    """The medians of one command's interleaved runs."""

    def __init__(self, runs):
        self.wall = statistics.median(r[0] for r in runs)
        self.cpu = statistics.median(r[1] for r in runs)
        self.rss = max(r[2] for r in runs)
        self.code = max(r[3] for r in runs)
        self.load = statistics.median(r[4] for r in runs)

    def ms(self):
        return f"{self.wall * 1000:,.0f} ms (CPU {self.cpu * 1000:,.0f} ms, load {self.load:.1f})"

    def s(self):
        return f"{self.wall:,.2f} s, {self.rss:,.0f} MiB (CPU {self.cpu:,.2f} s, load {self.load:.1f})"


def interleaved(commands, repeats):
    """commands: {label: (argv, stdout path)}; each repeat runs every command once, in turn.

    Each repeat starts one command later (A B C, B C A, C A B, ...): on these VMs the first
    command of a round ran up to 15 % slower at 1M tasks, whatever it was (BENCHMARKS.md)."""
    runs = {label: [] for label in commands}
    labels = list(commands)
    for r in range(repeats):
        for label in labels[r % len(labels):] + labels[:r % len(labels)]:
            cmd, out = commands[label]
            runs[label].append(timed(cmd, out))
    return {label: Figure(r) for label, r in runs.items()}


def ratio(a, b):
    return f"{a / b:.2f}x" if b > 0 else "-"


def workflow(kind, n, path):
    with open(path, "w") as f:
        f.write(
            f"version: 1\nname: bench-{kind}-{n}\nseed: 1\nstrategy: {{kind: {kind}}}\ntasks:\n"
            f"  - name: t-{{i}}\n    count: {n}\n    delay: {{uniform: [0.0, 10.0]}}\n"
            f"    result: \"{{i}}\"\n"
        )


def export(yaml_path, py_path):
    with open(py_path, "wb") as out:
        subprocess.run([RUNNER, "export", "--python", yaml_path], stdout=out, check=True, cwd=ROOT)


def delays(py_path):
    src = open(py_path).read()
    return [d.replace("_", "") for d in re.findall(r"await asyncio\.sleep\(([0-9_]+)\)", src[src.index("# --- the workflow"):])]


STRATEGY_CALL = {
    "gather": "        value = await asyncio.gather(*[body() for body in BODIES])\n",
    "taskgroup": (
        "        async with asyncio.TaskGroup() as tg:\n"
        "            tasks = [tg.create_task(body()) for body in BODIES]\n"
        "        value = [t.result() for t in tasks]\n"
    ),
}


def compact(py_path, out_path, kind):
    """The exported program rewritten as CPython users would write it: the same prelude (the
    reference loop and the report), the same delays, but one loop instead of N literal task
    functions. The export writes every counted task out, so CPython compiling that source (72 s
    of 123 s at 100k on the reference machine of BENCHMARKS.md) would otherwise be measured as
    asyncio's cost."""
    src = open(py_path).read()
    cut = src.index("# --- the workflow")
    tail = src[src.index('if __name__ == "__main__":'):]
    with open(out_path, "w") as out:
        out.write(src[:cut])
        out.write("# --- the same workflow, written with loops ---\n\n")
        out.write("DELAYS = [" + ", ".join(delays(py_path)) + "]\n\n\n")
        out.write("def make(i):\n    @task(f\"t-{i}\")\n    async def body():\n"
                  "        await asyncio.sleep(DELAYS[i])\n        return i\n    return body\n\n\n")
        out.write("BODIES = [make(i) for i in range(len(DELAYS))]\n\n\n")
        out.write("async def main():\n    try:\n" + STRATEGY_CALL[kind])
        out.write("    except asyncio.CancelledError as e:\n        raised(e)\n        raise\n"
                  "    except Exception as e:\n        raised(e)\n    else:\n        returned(value)\n\n\n")
        out.write(tail)


PLAIN = '''\
"""{n} tasks that sleep and return, the plain asyncio a user would write: no recording, no
report. The loop only keeps virtual time (integer ns, jumping to the next timer instead of
sleeping), as the reference loop does, so that a 10-second scenario takes no 10 seconds."""
import asyncio
import selectors


class JumpSelector(selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        if timeout is not None and timeout > 0:
            self.loop._now = max(self.loop._now, self.loop._scheduled[0]._when)
        return super().select(0)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = JumpSelector()
        super().__init__(selector)
        selector.loop = self
        self._now = 0
        self._clock_resolution = 1

    def time(self):
        return self._now


DELAYS = [{delays}]


async def work(i, delay):
    await asyncio.sleep(delay)
    return i


async def main():
{call}
    print(len(results), results[-1])


asyncio.run(main(), loop_factory=VirtualLoop)
'''

PLAIN_CALL = {
    "gather": "    results = await asyncio.gather(*[work(i, d) for i, d in enumerate(DELAYS)])",
    "taskgroup": (
        "    async with asyncio.TaskGroup() as tg:\n"
        "        tasks = [tg.create_task(work(i, d)) for i, d in enumerate(DELAYS)]\n"
        "    results = [t.result() for t in tasks]"
    ),
}


def plain(py_path, out_path, kind):
    d = delays(py_path)
    with open(out_path, "w") as out:
        out.write(PLAIN.format(n=len(d), delays=", ".join(d), call=PLAIN_CALL[kind]))


def same(a, b):
    with open(a, "rb") as x, open(b, "rb") as y:
        return x.read() == y.read()


def startup(python, repeats):
    tiny_py = os.path.join(WORK, "tiny.py")
    export(TINY, tiny_py)
    cmds = {
        "run": ([RUNNER, "run", TINY], os.path.join(WORK, "tiny.json")),
        "--version": ([RUNNER, "--version"], os.devnull),
        "--help": ([RUNNER, "--help"], os.devnull),
    }
    if python:
        cmds["import"] = ([python, "-c", "import asyncio, json"], os.devnull)
        cmds["export"] = ([python, tiny_py], os.path.join(WORK, "tiny.python.json"))
    f = interleaved(cmds, repeats)
    print(f"\n### Start-up (medians of {repeats} interleaved runs)\n")
    print("| command | runner | CPython 3.12 `import asyncio, json` | runner / import | goal |")
    print("| --- | ---: | ---: | ---: | --- |")
    imp = f.get("import")
    for label, goal in [("run", "<= 1x (a tiny workflow: gather-basic)"), ("--version", "<= 0.5x"), ("--help", "<= 0.5x")]:
        cells = [f"`{label}`", f[label].ms(), imp.ms() if imp else "-", ratio(f[label].wall, imp.wall) if imp else "-", goal]
        print("| " + " | ".join(cells) + " |")
    if imp:
        print(f"\nThe tiny workflow's exported program under CPython: {f['export'].ms()} "
              f"(runner / it: {ratio(f['run'].wall, f['export'].wall)}).")


def side_by_side(python, kinds, sizes, repeats):
    print(f"\n### N tasks that sleep and return (medians of {repeats} interleaved runs, report to a file)\n")
    print("| strategy | N | runner | CPython, the report program | CPython, plain asyncio | report program / runner "
          "| plain / runner | same bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for kind in kinds:
        for n in sizes:
            y = os.path.join(WORK, f"{kind}-{n}.yaml")
            workflow(kind, n, y)
            cmds = {"runner": ([RUNNER, "run", y], y + ".runner.json")}
            if python:
                py = os.path.join(WORK, f"{kind}-{n}.py")
                export(y, py)
                loop_py = os.path.join(WORK, f"{kind}-{n}.loop.py")
                compact(py, loop_py, kind)
                plain_py = os.path.join(WORK, f"{kind}-{n}.plain.py")
                plain(py, plain_py, kind)
                cmds["report"] = ([python, loop_py], y + ".python-loop.json")
                cmds["plain"] = ([python, plain_py], y + ".python-plain.txt")
            f = interleaved(cmds, repeats)
            r = f["runner"]
            cells = [kind, f"{n:,}", r.s()]
            if python:
                ok = same(y + ".runner.json", y + ".python-loop.json")
                cells += [f["report"].s(), f["plain"].s(), f"**{ratio(f['report'].wall, r.wall)}**",
                          f"**{ratio(f['plain'].wall, r.wall)}**", "yes" if ok else "NO"]
            else:
                cells += ["no Python 3.12"] + ["-"] * 4
            print("| " + " | ".join(cells) + " |", flush=True)


def big(python, n, repeats, python_runs):
    y = os.path.join(WORK, f"gather-{n}.yaml")
    workflow("gather", n, y)
    cmds = {
        "full": ([RUNNER, "run", y], y + ".runner.json"),
        "no-events": ([RUNNER, "run", "--no-events", y], y + ".runner-noevents.json"),
    }
    f = interleaved(cmds, repeats)
    print(f"\n### The {n:,}-task gather (medians of {repeats} interleaved runs, report to a file)\n")
    print("| what | measured | goal |\n| --- | ---: | --- |")
    print(f"| full report | {f['full'].s()} | <= 3 s, <= 400 MB |")
    print(f"| `--no-events` | {f['no-events'].s()} | <= 2 s |", flush=True)
    if python and python_runs:
        py = os.path.join(WORK, f"gather-{n}.py")
        export(y, py)
        plain_py = os.path.join(WORK, f"gather-{n}.plain.py")
        plain(py, plain_py, "gather")
        p = interleaved({"plain": ([python, plain_py], y + ".python-plain.txt")}, python_runs)["plain"]
        print(f"| CPython 3.12, plain asyncio (median of {python_runs}) | {p.s()}; "
              f"{ratio(p.wall, f['full'].wall)} the runner's full-report time | |")


def tests(n, repeats):
    d = os.path.join(WORK, f"tests-{n}")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    kinds = ["gather", "taskgroup", "as_completed", "wait", "create_task"]
    for i in range(n):
        with open(os.path.join(d, f"w{i:04d}.yaml"), "w") as f:
            f.write(f"version: 1\nname: w{i}\nseed: {i}\nstrategy: {{kind: {kinds[i % 5]}}}\ntasks:\n"
                    f"  - name: a\n    delay: {{uniform: [0.0, 1.0]}}\n    result: {i}\n"
                    f"  - name: b\n    delay: {{uniform: [0.0, 1.0]}}\n    result: x\n")
    subprocess.run([RUNNER, "test", "--update", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    f = interleaved({"test": ([RUNNER, "test", d], os.path.join(WORK, "tests.out"))}, repeats)["test"]
    print(f"\n| {n:,} tiny workflows in one `./runner test` (median of {repeats}) | {f.s()}, exit {f.code} | <= 2 s |")


def jmh(n, iterations=5):
    """EngineBench (gather, taskgroup) and BareLoopBench at one N, in one JMH run."""
    # Always rebuilt: the bench jar compiles the working tree's engine (bench/pom.xml).
    subprocess.run(["mvn", "-q", "-B", "package"], cwd=os.path.join(ROOT, "bench"), check=True)
    out = os.path.join(WORK, f"jmh-{n}.json")
    load = load1()
    subprocess.run([find_java(), "-jar", BENCH_JAR, "EngineBench|BareLoopBench", "-p", f"n={n}", "-p", "kind=GATHER,TASKGROUP",
                    "-wi", "2", "-i", str(iterations), "-w", "2", "-r", "2", "-rf", "json", "-rff", out],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    rows = json.load(open(out))
    bare = next(r for r in rows if r["benchmark"].endswith("BareLoopBench.run"))["primaryMetric"]["score"]
    print(f"\n### Engine against the bare loop, N = {n:,} (JMH, one run; load {load:.1f} at its start)\n")
    print("| benchmark | ms per run | tasks/s | throughput / bare loop's | goal |\n| --- | ---: | ---: | ---: | --- |")
    for r in rows:
        score = r["primaryMetric"]["score"]
        name = r["benchmark"].rsplit(".", 2)[-2] + " " + r.get("params", {}).get("kind", "")
        goal = "" if "BareLoop" in name else ">= 0.5x"
        print(f"| {name.strip()} | {score:,.1f} | {n / score * 1000 / 1e6:.2f} M/s | {bare / score:.2f}x | {goal} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--kinds", default="gather,taskgroup")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--big", type=int, default=1_000_000, help="runner-only gather size (0: skip)")
    ap.add_argument("--big-repeats", type=int, default=3)
    ap.add_argument("--big-python", type=int, default=1, help="CPython runs of the big plain program (0: skip)")
    ap.add_argument("--tiny", type=int, default=11, help="interleaved repeats of the start-up commands (0: skip)")
    ap.add_argument("--tests", type=int, default=1000, help="tiny workflows for ./runner test (0: skip)")
    ap.add_argument("--jmh", type=int, default=0, help="N for the engine against the bare loop in JMH (0: skip)")
    args = ap.parse_args()
    start_spawner()  # while this script is small: see SPAWNER
    os.makedirs(WORK, exist_ok=True)
    python = find_python()
    # Build, and train the three start-up caches (java.sh aot_kind) before anything is timed.
    for warm in (["--version"], ["run", TINY], ["--help"]):
        subprocess.run([RUNNER] + warm, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    print(f"load average at start: {load1():.1f}; {os.cpu_count()} cores; python: {python}")
    if args.tiny:
        startup(python, args.tiny)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        side_by_side(python, args.kinds.split(","), sizes, args.repeats)
    if args.big:
        big(python, args.big, args.big_repeats, args.big_python)
    if args.tests:
        tests(args.tests, args.big_repeats)
    if args.jmh:
        jmh(args.jmh)
    print(f"\nload average at end: {load1():.1f}")


if __name__ == "__main__":
    main()
