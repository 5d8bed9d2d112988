#!/usr/bin/env python3
"""Whole-process benchmark: ./runner next to CPython 3.12 on the same workflows, in one run.

For each strategy and N it generates a workflow of N tasks that each sleep a random delay
(uniform 0..10 s, virtual clock) and return, exports it to Python with the project's exporter,
rewrites that program with loops (see compact()), and times the runner and both programs as
whole processes (start-up, loading, running, writing the report to a file), taking medians.
Peak RSS comes from wait4(). It also checks that all three print the same bytes.
Then the targets that are runner-only: a tiny workflow's whole process, a 1M-task gather to a
file, and 1,000 tiny workflows in one `./runner test`. Prints Markdown tables (BENCHMARKS.md).

Usage (from the repository root; builds what it needs):
  python3 bench/compare.py                  # N = 1k, 10k, 100k; 1M (CPython once); 3 repeats
  python3 bench/compare.py --sizes 1000,10000 --repeats 5 --big 0 --tests 0
"""
import argparse
import re
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "target", "compare")
RUNNER = os.path.join(ROOT, "runner")
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


def timed(cmd, stdout_path):
    """Runs cmd with stdout to a file; returns (seconds, peak RSS in MiB, exit code)."""
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(f"{' '.join(cmd)}: exit {code}\n{err[-2000:]}\n")
    return elapsed, usage.ru_maxrss / 1024.0, code


def median_run(cmd, out, repeats):
    runs = [timed(cmd, out) for _ in range(repeats)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)


def workflow(kind, n, path):
    with open(path, "w") as f:
        f.write(
            f"version: 1\nname: bench-{kind}-{n}\nseed: 1\nstrategy: {{kind: {kind}}}\ntasks:\n"
            f"  - name: t-{{i}}\n    count: {n}\n    delay: {{uniform: [0.0, 10.0]}}\n"
            f"    result: \"{{i}}\"\n"
        )


def export(yaml_path, py_path):
    """`aiosim export --python`, or the same exporter through the bench jar until the CLI has it."""
    with open(py_path, "wb") as out:
        r = subprocess.run([RUNNER, "export", "--python", yaml_path], stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
    if r.returncode == 0 and os.path.getsize(py_path) > 0:
        return "cli"
    java = find_java()
    with open(py_path, "wb") as out:
        subprocess.run([java, "-cp", BENCH_JAR, "io.aiosim.bench.ExportPython", yaml_path], stdout=out, check=True)
    return "bench jar"


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
    delays = re.findall(r"await asyncio\.sleep\(([0-9_]+)\)", src[cut:])
    with open(out_path, "w") as out:
        out.write(src[:cut])
        out.write("# --- the same workflow, written with loops ---\n\n")
        out.write("DELAYS = [" + ", ".join(d.replace("_", "") for d in delays) + "]\n\n\n")
        out.write("def make(i):\n    @task(f\"t-{i}\")\n    async def body():\n"
                  "        await asyncio.sleep(DELAYS[i])\n        return i\n    return body\n\n\n")
        out.write("BODIES = [make(i) for i in range(len(DELAYS))]\n\n\n")
        out.write("async def main():\n    try:\n" + STRATEGY_CALL[kind])
        out.write("    except asyncio.CancelledError as e:\n        raised(e)\n        raise\n"
                  "    except Exception as e:\n        raised(e)\n    else:\n        returned(value)\n\n\n")
        out.write(tail)


def same(a, b):
    with open(a, "rb") as x, open(b, "rb") as y:
        return x.read() == y.read()


def fmt_rate(n, s):
    return f"{n / s / 1000:,.0f} k/s" if s > 0 else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--kinds", default="gather,taskgroup")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--big", type=int, default=1_000_000, help="runner-only gather size (0: skip)")
    ap.add_argument("--big-repeats", type=int, default=3)
    ap.add_argument("--big-python", type=int, default=1, help="CPython runs of the big gather (0: skip)")
    ap.add_argument("--tiny", type=int, default=20, help="repeats of the tiny workflow (0: skip)")
    ap.add_argument("--tests", type=int, default=1000, help="tiny workflows for ./runner test (0: skip)")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    python = find_python()
    subprocess.run([RUNNER, "--version"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)  # build + AOT cache
    if not os.path.exists(BENCH_JAR):
        subprocess.run(["mvn", "-q", "-B", "package"], cwd=os.path.join(ROOT, "bench"), check=True)
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(f"load average at start: {' '.join(load)}; {os.cpu_count()} cores; python: {python}\n")

    print("| strategy | N | runner | runner tasks/s | runner peak RSS | CPython 3.12 | CPython tasks/s | CPython peak RSS | CPython / runner | CPython, the export as printed (N task functions) | same bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for kind in args.kinds.split(","):
        for n in [int(s) for s in args.sizes.split(",") if s]:
            y = os.path.join(WORK, f"{kind}-{n}.yaml")
            workflow(kind, n, y)
            rt, rm, _ = median_run([RUNNER, "run", y], y + ".runner.json", args.repeats)
            cells = [kind, f"{n:,}", f"{rt:.2f} s", fmt_rate(n, rt), f"{rm:.0f} MiB"]
            if python:
                py = os.path.join(WORK, f"{kind}-{n}.py")
                export(y, py)
                pt, pm, _ = median_run([python, py], y + ".python.json", args.repeats)
                loop_py = os.path.join(WORK, f"{kind}-{n}.loop.py")
                compact(py, loop_py, kind)
                ct, cm, _ = median_run([python, loop_py], y + ".python-loop.json", args.repeats)
                ok = same(y + ".runner.json", y + ".python.json") and same(y + ".runner.json", y + ".python-loop.json")
                cells += [f"{ct:.2f} s", fmt_rate(n, ct), f"{cm:.0f} MiB", f"**{ct / rt:.1f}x**",
                          f"{pt:.2f} s, {pm:.0f} MiB", "yes" if ok else "NO"]
            else:
                cells += ["no Python 3.12"] + ["-"] * 5
            print("| " + " | ".join(cells) + " |", flush=True)

    print("\n| target | measured | goal |\n| --- | ---: | ---: |")
    if args.big:
        y = os.path.join(WORK, f"gather-{args.big}.yaml")
        workflow("gather", args.big, y)
        rt, rm, _ = median_run([RUNNER, "run", y], y + ".runner.json", args.big_repeats)
        print(f"| {args.big:,}-task gather to a file, whole process | {rt:.2f} s, {rm:.0f} MiB peak RSS | <= 3 s, <= 1 GiB |", flush=True)
        nt, nm, _ = median_run([RUNNER, "run", "--no-events", y], y + ".runner-noevents.json", args.big_repeats)
        print(f"| (the same with `--no-events`) | {nt:.2f} s, {nm:.0f} MiB | |", flush=True)
        if python and args.big_python:
            py = os.path.join(WORK, f"gather-{args.big}.py")
            export(y, py)
            loop_py = os.path.join(WORK, f"gather-{args.big}.loop.py")
            compact(py, loop_py, "gather")
            pt, pm, _ = median_run([python, loop_py], y + ".python-loop.json", args.big_python)
            ok = same(y + ".runner.json", y + ".python-loop.json")
            print(f"| (CPython 3.12: the same workflow with loops, median of {args.big_python}) | {pt:.2f} s, {pm:.0f} MiB; "
                  f"{pt / rt:.1f}x the runner's time; same bytes: {'yes' if ok else 'NO'} | |", flush=True)
    if args.tiny:
        tiny = os.path.join(ROOT, "workflows", "seed", "gather-basic.yaml")
        rt, rm, _ = median_run([RUNNER, "run", tiny], os.path.join(WORK, "tiny.json"), args.tiny)
        print(f"| tiny workflow (gather-basic), whole process, median of {args.tiny} | {rt * 1000:.0f} ms, {rm:.0f} MiB | <= 150 ms |", flush=True)
        if python:
            pyt = os.path.join(WORK, "tiny.py")
            export(tiny, pyt)
            pt, _, _ = median_run([python, pyt], os.path.join(WORK, "tiny.python.json"), args.tiny)
            it, _, _ = median_run([python, "-c", "import asyncio, json"], os.devnull, args.tiny)
            print(f"| (CPython 3.12: the same workflow exported; `import asyncio, json` alone) | {pt * 1000:.0f} ms; {it * 1000:.0f} ms | |")
    if args.tests:
        d = os.path.join(WORK, f"tests-{args.tests}")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        kinds = ["gather", "taskgroup", "as_completed", "wait", "create_task"]
        for i in range(args.tests):
            with open(os.path.join(d, f"w{i:04d}.yaml"), "w") as f:
                f.write(f"version: 1\nname: w{i}\nseed: {i}\nstrategy: {{kind: {kinds[i % 5]}}}\ntasks:\n"
                        f"  - name: a\n    delay: {{uniform: [0.0, 1.0]}}\n    result: {i}\n"
                        f"  - name: b\n    delay: {{uniform: [0.0, 1.0]}}\n    result: x\n")
        subprocess.run([RUNNER, "test", "--update", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        rt, rm, code = median_run([RUNNER, "test", d], os.path.join(WORK, "tests.out"), args.repeats)
        print(f"| {args.tests:,} tiny workflows in one `./runner test` | {rt:.2f} s, {rm:.0f} MiB (exit {code}) | <= 3 s |")
    with open("/proc/loadavg") as f:
        print(f"\nload average at end: {' '.join(f.read().split()[:3])}")


if __name__ == "__main__":
    main()
