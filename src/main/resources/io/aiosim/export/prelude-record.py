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


