"""Runs exported programs for the conformance tests, one forked child per program.

Importing asyncio costs most of a program's run time, so this driver imports it once and forks
for each program: every program still gets a fresh interpreter state. Protocol, one line each:
Java writes "PROGRAM<TAB>STDOUT<TAB>STDERR", the driver answers with the exit status.
"""
import asyncio  # noqa: F401  (imported once, before forking)
import gc
import json  # noqa: F401
import os
import runpy
import selectors  # noqa: F401
import sys


def run(program, out, err):
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            with open(out, "w") as o, open(err, "w") as e:
                sys.stdout, sys.stderr = o, e
                try:
                    runpy.run_path(program, run_name="__main__")
                except SystemExit as x:
                    status = x.code if isinstance(x.code, int) else 1
                except BaseException:
                    import traceback
                    traceback.print_exc()
                    status = 1
                o.flush()
                e.flush()
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def main():
    gc.freeze()
    for line in sys.stdin:
        program, out, err = line.rstrip("\n").split("\t")
        print(run(program, out, err), flush=True)


if __name__ == "__main__":
    main()
