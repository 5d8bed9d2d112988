# ---------------------------------------------------------------------------------------------
# aiosim prelude: the reference loop of section 5 and the instrumentation that prints the report
# of section 6 of aiosim's reference, docs/spec.md in its repository and distribution ("SPEC n"
# below is section n there). The asyncio of the CPython running it (3.11, 3.12 or 3.13: SPEC 8)
# decides everything; this part only
#   * keeps time in integer nanoseconds and jumps the clock instead of sleeping,
#   * orders timers due at the same instant in the order they were set (or as a schedule says),
#   * walks in creation order the two sets CPython walks (SPEC 2: its order is arbitrary there),
#   * records what happens, and prints it.
# The workflow itself follows the prelude; read that part to learn the asyncio code.
# ---------------------------------------------------------------------------------------------
import sys

if sys.version_info < (3, 11):
    sys.exit(f"this program needs CPython 3.11 or later (asyncio.TaskGroup, asyncio.timeout); "
             f"this is {sys.version.split()[0]}")

import asyncio
import collections.abc
import gc
import heapq
import itertools
import json
import selectors
import types
import weakref
from asyncio import events, runners, taskgroups, timeouts


class _SeqTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (when, seq): ties fire in the order they were set (SPEC 5)."""

    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context, seq):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def __lt__(self, other):  # heapq orders by < alone
        return (self._when, self._seq) < (other._when, other._seq)

    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


class _JumpSelector(selectors.DefaultSelector):
    """Never blocks: where _run_once would wait for the first timer, the clock jumps to it.

    _run_once caps its select timeout at MAXIMUM_SELECT_TIMEOUT (86400, meant as seconds, here
    ns), so the jump goes to the first timer's own `when`, not to now + timeout."""

    loop = None

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("deadlock: nothing is ready and no timer is set")
        if timeout > 0:
            scheduled = self.loop._scheduled
            # _run_once has just dropped cancelled timers from the head of the heap.
            first = min((h for h in scheduled if not h._cancelled), default=None) \
                if scheduled[0]._cancelled else scheduled[0]
            self.loop._now = max(self.loop._now, first._when)
        if _REPORT.ties is not None:
            _REPORT.ties.order(self.loop)
        return super().select(0)


class _ScheduledTies:
    """SPEC 9: runs the ties a schedule token names in the order it gives, every other tie first
    in, first out. A tie is two or more live timers due at one instant that this _run_once
    iteration moves to the ready queue; right after select() returns, it moves every timer with
    when < time() + _clock_resolution. Re-numbering their seq reorders them in the heap."""

    def __init__(self, token, orders):
        self.token = token
        self.orders = orders  # tie number (from 1) -> the positions, by seq, in the order they run
        self.last = max(orders)
        self.met = 0

    def order(self, loop):
        if self.met >= self.last:
            return  # past the last choice: FIFO from here on
        end_time = loop.time() + loop._clock_resolution
        heap, due, stack = loop._scheduled, {}, [0]
        while stack:  # every timer due: a heap is ordered, so stop below any that is not
            i = stack.pop()
            if i < len(heap) and heap[i]._when < end_time:
                if not heap[i]._cancelled:
                    due.setdefault(heap[i]._when, []).append(heap[i])
                stack += (2 * i + 1, 2 * i + 2)
        reordered = False
        for when in sorted(due):
            tie = sorted(due[when], key=lambda h: h._seq)
            if len(tie) < 2:
                continue
            self.met += 1
            order = self.orders.get(self.met)
            if order is None:
                continue
            if len(order) != len(tie):
                raise RuntimeError(f"schedule {self.token}: tie {self.met} has {len(tie)} timers, not {len(order)}")
            for seq, position in zip([h._seq for h in tie], order):
                tie[position]._seq = seq
            reordered = True
        if reordered:
            heapq.heapify(heap)

    def check_all_met(self):
        if self.met < self.last:
            raise RuntimeError(f"schedule {self.token}: the run meets only {self.met} ties")


class ReferenceLoop(asyncio.SelectorEventLoop):
    """SPEC 5: time() is an int of ns, timers tie-break on a sequence number, the clock jumps."""

    def __init__(self):
        selector = _JumpSelector()
        super().__init__(selector)
        selector.loop = self
        self._now = 0
        self._clock_resolution = 1  # _run_once: a timer is due when when < now + 1
        self._timer_seq = itertools.count()
        self.set_task_factory(lambda loop, coro, **kw: Task(coro, loop=loop, **kw))
        self.set_exception_handler(lambda loop, context: _REPORT.warning(context))
        _REPORT.loop = self

    def time(self):
        return self._now

    def call_at(self, when, callback, *args, context=None):
        # base_events.BaseEventLoop.call_at, with the sequence number added.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = _SeqTimerHandle(when, callback, args, self, context, next(self._timer_seq))
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class _CreationOrderSet:
    """The part of set() that TaskGroup uses, iterating in insertion (= creation) order."""

    def __init__(self):
        self._items = {}

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def __contains__(self, item):
        return item in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)


# CPython walks a set in TaskGroup._abort (its _tasks) and in runners._cancel_all_tasks
# (tasks.all_tasks()): both are made to walk in creation order (SPEC 2), nothing else changes.
_taskgroup_init = taskgroups.TaskGroup.__init__


def _ordered_taskgroup_init(self):
    _taskgroup_init(self)
    self._tasks = _CreationOrderSet()


taskgroups.TaskGroup.__init__ = _ordered_taskgroup_init
_all_tasks = asyncio.tasks.all_tasks
asyncio.tasks.all_tasks = lambda loop=None: sorted(_all_tasks(loop), key=lambda t: t._index)
_cancel_all_tasks = runners._cancel_all_tasks


def _shutdown_cancel_all_tasks(loop):
    _REPORT.shutting_down = True  # SPEC 6 rule 1: every request from now on says shutdown
    _cancel_all_tasks(loop)


runners._cancel_all_tasks = _shutdown_cancel_all_tasks


# --- instrumentation --------------------------------------------------------------------------

class _Rec:
    """What the report says about one workflow task."""

    def __init__(self, name):
        self.name = name
        self.parent = None
        self.state = "pending"
        self.end = None  # encoded result or error
        self.started_at = None
        self.finished_at = None


def _is(code, module, name):
    return code.co_name == name and code.co_filename == module.__file__


def _requester(frame, task):
    """Who calls Task.cancel() (SPEC 6): a Timeout, a TaskGroup, a Task passing its own cancel
    on, asyncio.run's shutdown, or the workflow's own code (a strategy's decision)."""
    if _PASSING_ON:  # a task being cancelled passes the cancel on to what it awaits
        return _PASSING_ON[-1]
    code = frame.f_code
    if _is(code, timeouts, "_on_timeout"):
        return frame.f_locals["self"]
    if _is(code, taskgroups, "_on_task_done"):  # self._parent_task.cancel(): wake the parent
        return frame.f_locals["self"]
    if _is(code, taskgroups, "_abort"):
        tg = frame.f_locals["self"]
        if _is(frame.f_back.f_code, taskgroups, "_on_task_done"):
            return tg  # a child failed
        return tg._parent_task  # __aexit__: the parent is being cancelled and passes it on
    if _is(code, taskgroups, "__aexit__"):  # 3.13: uncancel() then cancel() the parent again
        return task._uncancelled.pop()[1]
    if _is(code, runners, "_cancel_all_tasks"):
        return "shutdown"
    if frame.f_globals is globals():  # the workflow's own cancel() calls
        return "strategy"
    raise RuntimeError(f"unexpected cancel() from {code.co_qualname}")


def _cause(by):
    """SPEC 6's four rules for the cause of a request made by `by`, the first that applies."""
    if _REPORT.shutting_down:
        return "shutdown"
    if isinstance(by, timeouts.Timeout):
        return "timeout"
    if isinstance(by, asyncio.Task):  # passed on: from X's earliest outstanding request
        if not by._requests:
            return "parent"
        cause, source = by._requests[0]
        if isinstance(source, timeouts.Timeout):
            return "timeout"
        return cause if by._rec is None else "parent"  # main passes its own cause on
    return "strategy"


_PASSING_ON = []  # the tasks whose Task.cancel() is in progress, innermost last
_INDEX = itertools.count()


class Task(asyncio.Task):
    """asyncio.Task recording cancel requests (SPEC 6 cancelled_by) and creation order.

    Named Task so that asyncio's warnings read 'Task exception was never retrieved'."""

    def __init__(self, coro, *, loop=None, **kw):
        self._index = next(_INDEX)
        self._requests = []  # outstanding cancel requests, oldest first: (cause, requester)
        self._uncancelled = []
        self._rec = coro.rec if isinstance(coro, _Body) else None
        if self._rec is not None:
            _REPORT.created(self._rec)
            kw["name"] = self._rec.name
        super().__init__(coro, loop=loop, **kw)

    def cancel(self, msg=None):
        by = _requester(sys._getframe(1), self)
        accepted = not self.done()
        if accepted:  # the `cancel` event, before the cancel is passed on
            cause = _cause(by)
            self._requests.append((cause, by))
            _REPORT.event(self._rec.name if self._rec else "main", "cancel", "by", json.dumps(cause))
        _PASSING_ON.append(self)
        try:
            return super().cancel(msg)
        finally:
            _PASSING_ON.pop()

    def uncancel(self):
        """Withdraws the request this uncancel() answers: that of the Timeout or TaskGroup
        calling it (3.13's TaskGroup also re-cancels: the last request is kept for that)."""
        frame = sys._getframe(1)
        source = frame.f_locals.get("self")
        if self.cancelling() > 0:
            for i, (_, s) in enumerate(self._requests):
                if s is source and source is not None:
                    del self._requests[i]
                    break
            else:
                if not _is(frame.f_code, taskgroups, "__aexit__") or not self._requests:
                    raise RuntimeError("uncancel() without its cancel()")
                self._uncancelled.append(self._requests.pop())
        return super().uncancel()

    def result(self):
        # as_completed hands its consumer a coroutine, not the task; note which task it reads,
        # for that consumer (a CancelledError it raises ends the consumer without an item).
        if self._rec is not None and sys._getframe(1).f_code.co_name == "_wait_for_one":
            _REPORT.handed_over[asyncio.current_task()] = self._rec.name
        return super().result()


class _Body(collections.abc.Coroutine):
    """Wraps a task's coroutine to see its first step (start) and its end, even a
    CancelledError thrown in before the first step (that runs no code of it)."""

    def __init__(self, coro, rec):
        self.coro = coro
        self.rec = rec

    def send(self, value):
        if self.rec.started_at is None and self.rec.state == "pending":
            self.rec.started_at = _REPORT.now()
            _REPORT.event(self.rec.name, "start")
        return self._step(self.coro.send, value)

    def throw(self, typ, val=None, tb=None):
        return self._step(self.coro.throw, typ if val is None else val)

    def close(self):
        self.coro.close()

    def __await__(self):
        raise TypeError("a task body is run by its Task")

    def _step(self, step, arg):
        try:
            return step(arg)
        except StopIteration as e:
            if asyncio.current_task()._must_cancel:  # cancelled right before it returned
                _REPORT.ended(self.rec, "cancelled", None)
            else:
                _REPORT.ended(self.rec, "completed", e.value)
            raise
        except asyncio.CancelledError:
            _REPORT.ended(self.rec, "cancelled", None)
            raise
        except BaseException as e:
            _REPORT.ended(self.rec, "failed", e)
            raise


def task(name):
    """Decorator: the coroutine function's coroutine is the body of workflow task `name`."""
    def wrap(fn):
        return lambda *args: _Body(fn(*args), _Rec(name))
    return wrap


def log(message):
    """The `log` step."""
    _REPORT.event(asyncio.current_task()._rec.name, "log", "message", json.dumps(message))


_ERROR_TYPES = {"CancelledError": asyncio.CancelledError, "TimeoutError": TimeoutError}


def error(type_name, message):
    """An exception of the workflow: every type but CancelledError and TimeoutError is an
    Exception subclass of that name made here (SPEC 3), KeyboardInterrupt included."""
    cls = _ERROR_TYPES.get(type_name)
    if cls is None:
        cls = _ERROR_TYPES[type_name] = type(type_name, (Exception,), {})
    return cls(message)


def returned(value):
    """Main's strategy step returned `value`."""
    _REPORT.outcome = _encode({"status": "returned", "at": _Time(_REPORT.now()), "value": value})
    _REPORT.event("main", "returned", "value", _encode(value))


def raised(e):
    """Main's strategy step raised `e`."""
    _REPORT.outcome = _encode({"status": "raised", "at": _Time(_REPORT.now()), "error": e})
    _REPORT.event("main", "raised", "error", _encode(e))


def item(result=None, error=None):
    """An as_completed item as the step receives it (an error item when `error` is set);
    main's items are also `yield` events (SPEC 6)."""
    name = _REPORT.handed_over.pop(asyncio.current_task(), None)
    it = {"task": name, "error": error} if error is not None else {"task": name, "result": result}
    if asyncio.current_task()._rec is None:
        _REPORT.event("main", "yield", "item", _encode(it))
    return it


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
