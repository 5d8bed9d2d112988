# --- the report (SPEC 6) ----------------------------------------------------------------------

class _Time(int):
    """Integer ns printed as seconds: `N.0`, else up to 9 decimals without trailing zeros."""

    def json(self):
        s, ns = divmod(int(self), 1_000_000_000)
        return f"{s}.0" if ns == 0 else f"{s}.{ns:09d}".rstrip("0")


def _error(e):
    if isinstance(e, BaseExceptionGroup):
        return {"type": type(e).__name__, "message": e.message,
                "exceptions": [_error(x) for x in e.exceptions]}
    return {"type": type(e).__name__, "message": str(e)}


def _encode(v):
    """JSON text of a value, as json.dumps(v, separators=(", ", ": ")) with errors and times."""
    if isinstance(v, BaseException):
        return _encode(_error(v))
    if isinstance(v, _Time):
        return v.json()
    if isinstance(v, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + _encode(x) for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_encode(x) for x in v) + "]"
    return json.dumps(v)


class _Report:
    def __init__(self):
        self.loop = None
        self.recs = []  # workflow tasks in creation order
        self.events = []  # encoded event lines
        self.warnings = []  # (creation index or None, encoded warning)
        self.outcome = None
        # consumer task -> the task whose result as_completed handed it (weak: keeps no task)
        self.handed_over = weakref.WeakKeyDictionary()
        self.shutting_down = False
        self.ties = None  # a _ScheduledTies when the program replays a schedule (SPEC 9)

    def now(self):
        return self.loop.time()

    def created(self, rec):
        rec.index = len(self.recs)
        self.recs.append(rec)
        current = asyncio.current_task()
        rec.parent = current._rec.name if current is not None and current._rec else None

    def event(self, name, kind, key=None, encoded=None):
        line = f'{{"t": {_Time(self.now()).json()}, "task": {json.dumps(name)}, "event": "{kind}"'
        self.events.append(line + (f', "{key}": {encoded}}}' if key else "}"))

    def ended(self, rec, state, value):
        rec.state = state
        rec.finished_at = self.now()
        if state == "completed":
            rec.end = _encode(value)
            self.event(rec.name, state, "result", rec.end)
        elif state == "failed":
            rec.end = _encode(value)
            self.event(rec.name, state, "error", rec.end)
        else:
            requests = asyncio.current_task()._requests
            rec.end = _encode(requests[0][0] if requests else None)
            self.event(rec.name, state)

    def warning(self, context):
        task = context.get("task") or context.get("future")
        rec = getattr(task, "_rec", None)
        exc = context.get("exception")
        self.warnings.append((rec.index if rec else len(self.recs), _encode(
            {"message": context["message"], "task": rec.name if rec else None, "error": exc})))

    def task_line(self, rec):
        key = {"completed": "result", "failed": "error", "cancelled": "cancelled_by"}.get(rec.state)
        parts = [f'"name": {json.dumps(rec.name)}', f'"state": "{rec.state}"']
        if key:
            parts.append(f'"{key}": {rec.end}')
        parts.append('"started_at": ' + _encode(None if rec.started_at is None else _Time(rec.started_at)))
        parts.append('"finished_at": ' + _encode(None if rec.finished_at is None else _Time(rec.finished_at)))
        if rec.parent is not None:
            parts.append(f'"parent": {json.dumps(rec.parent)}')
        return "{" + ", ".join(parts) + "}"

    def write(self, workflow, strategy, out):
        def lines(items):
            if not items:
                return "[]"
            return "[\n" + ",\n".join("    " + x for x in items) + "\n  ]"
        warnings = [w for _, w in sorted(self.warnings, key=lambda w: w[0])]
        out.write("{\n"
                  f'  "workflow": {json.dumps(workflow)},\n'
                  f'  "strategy": {_encode(strategy)},\n'
                  '  "clock": "virtual",\n'
                  f'  "python": "{sys.version_info[0]}.{sys.version_info[1]}",\n'
                  + (f'  "schedule": {json.dumps(self.ties.token)},\n' if self.ties else "") +
                  f'  "outcome": {self.outcome},\n'
                  f'  "tasks": {lines([self.task_line(r) for r in self.recs])},\n'
                  f'  "events": {lines(self.events)},\n'
                  f'  "warnings": {lines(warnings)},\n'
                  f'  "finished_at": {_Time(self.now()).json()}\n'
                  "}\n")


_REPORT = _Report()


class report:
    """`with report(name, strategy, python): run(main())`: prints the report once asyncio.run is
    over and every Task has been finalized (their __del__ sends the warnings). `python` is the
    version `aiosim run` models for the workflow: another interpreter is worth a note."""

    def __init__(self, workflow, strategy, python, schedule=None, ties=None):
        self.workflow = workflow
        self.strategy = strategy
        self.python = python
        if schedule is not None:  # `aiosim export --schedule`: the token, and its tie orders
            _REPORT.ties = _ScheduledTies(schedule, ties)

    def __enter__(self):
        running = f"{sys.version_info[0]}.{sys.version_info[1]}"
        if running != self.python:
            print(f"note: CPython {running} runs this program, so the report models {running}'s "
                  f"asyncio; `aiosim run` models {self.python} for this workflow "
                  f"(`aiosim run --python {running}` models {running})", file=sys.stderr)
        return self

    def __exit__(self, et, exc, tb):
        # main raising CancelledError (SPEC 2) makes asyncio.run raise it: that is a result.
        if et is not None and et is not asyncio.CancelledError:
            return False
        if _REPORT.ties is not None:
            _REPORT.ties.check_all_met()
        tb = None  # this frame is running: its own reference to the traceback goes by hand
        _release_finished_frames()
        gc.collect()
        _REPORT.write(self.workflow, self.strategy, sys.stdout)
        return True


def _release_finished_frames():
    """Clears the locals of every frame that has finished running.

    The program is over, so every task is finalized now, as it would be at interpreter exit;
    but a finished frame outlives its call when something still points at it (a traceback, such
    as that of a CancelledError escaping asyncio.run, or since 3.11 the f_back of a callee's
    frame object), and its locals then keep tasks alive
    past gc.collect(): a never-retrieved exception would go unreported (a task that raised
    CancelledError out of main keeps asyncio.run's shutdown frames, and with them every task).
    Frames still running (this one, the module) refuse clear(); frames of suspended coroutines
    are skipped, since clearing them would close the coroutine and run its finally blocks.
    """
    suspended = set()
    for o in gc.get_objects():
        # A traceback keeps its frames, and a frame its function (f_funcobj, which clear() leaves),
        # whose closure can hold tasks (as_completed's queue): drop every traceback first.
        if isinstance(o, BaseException):
            o.__traceback__ = None
    for o in gc.get_objects():
        if isinstance(o, types.CoroutineType):
            f = o.cr_frame
        elif isinstance(o, types.GeneratorType):
            f = o.gi_frame
        elif isinstance(o, types.AsyncGeneratorType):
            f = o.ag_frame
        else:
            continue
        if f is not None:
            suspended.add(id(f))
    for o in gc.get_objects():
        if isinstance(o, types.FrameType) and id(o) not in suspended:
            try:
                o.clear()
            except RuntimeError:
                pass  # still executing


def run(main):
    """asyncio.run(main, loop_factory=ReferenceLoop) as asyncio.run does it; 3.11's asyncio.run
    has no loop_factory, its asyncio.Runner has."""
    with asyncio.Runner(loop_factory=ReferenceLoop) as runner:
        return runner.run(main)


def seconds(s):
    """The `timeout` echo of the strategy: a time."""
    return _Time(s)
