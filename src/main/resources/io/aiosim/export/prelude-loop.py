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


