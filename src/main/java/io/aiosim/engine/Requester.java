package io.aiosim.engine;

/**
 * Who calls {@code cancel()} or {@code uncancel()} on a task. CPython does not pass this: the
 * reference program reads it off the caller's frame ({@code sys._getframe(1)}); the engine passes
 * it explicitly and tells the {@link Observer}, which turns it into SPEC 6's {@code cancelled_by}.
 *
 * <p>Inside the engine the requesters are a {@link Timeout} (on the task it guards), a {@link
 * TaskGroup} (aborting on a child's error, and waking its parent) and a {@link Task} passing its
 * own cancel on to what it awaits ({@code Task.cancel} cancels {@code _fut_waiter}; a gather
 * cancels its children; a TaskGroup's {@code __aexit__} aborts when its parent is cancelled).
 * Code above the engine adds its own (asyncio.run's shutdown, a strategy's own decisions).
 */
public interface Requester {}
