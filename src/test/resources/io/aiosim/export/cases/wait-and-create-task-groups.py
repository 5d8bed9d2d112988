# --- the workflow ----------------------------------------------------------------------------

@task("awaiting")
async def awaiting():
    try:
        tasks = {"a": asyncio.create_task(a()), "b": asyncio.create_task(b())}
        value = [await tasks["b"], await tasks["a"]]
    except Exception:
        await asyncio.sleep(50_000_000)  # 0.05 s, the group's after, also after an error
        raise
    await asyncio.sleep(50_000_000)  # 0.05 s, the group's after
    return value


@task("a")
async def a():
    await asyncio.sleep(100_000_000)  # 0.1 s
    raise asyncio.CancelledError("quits")


@task("b")
async def b():
    await asyncio.sleep(200_000_000)  # 0.2 s
    raise TimeoutError("late")


@task("forgetful")
async def forgetful():
    tasks = {"print": asyncio.create_task(print_2())}
    value = []
    return value


@task("print")
async def print_2():
    log("caf\xe9")
    raise error("KeyboardInterrupt", "")


async def main():
    try:
        tasks = {
            "awaiting": asyncio.create_task(awaiting()),
            "forgetful": asyncio.create_task(forgetful()),
        }
        done, pending = await asyncio.wait(tasks.values(), timeout=2_000_000_000, return_when=asyncio.FIRST_EXCEPTION)
        for t in tasks.values():  # in creation order (SPEC 2)
            if t in pending:
                t.cancel()
        value = {
            "done": [n for n, t in tasks.items() if t in done],
            "pending": [n for n, t in tasks.items() if t in pending],
        }
    except asyncio.CancelledError as e:  # no Exception: main ends cancelled (SPEC 2)
        raised(e)
        raise
    except Exception as e:
        raised(e)
    else:
        returned(value)


if __name__ == "__main__":
    with report("wait-and-create-task-groups", {"kind": "wait", "return_when": "FIRST_EXCEPTION", "cancel_pending": True, "retrieve": False, "timeout": seconds(2_000_000_000)}, "3.12"):
        run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)
