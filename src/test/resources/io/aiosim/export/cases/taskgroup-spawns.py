# --- the workflow ----------------------------------------------------------------------------

@task("spawner")
async def spawner(tg):
    log("spawning")
    tg.create_task(child())
    await asyncio.sleep(100_000_000)  # 0.1 s


@task("child")
async def child():
    await asyncio.sleep(200_000_000)  # 0.2 s
    return "c"


@task("middle")
async def middle(tg):
    value = await asyncio.gather(deep_spawner(tg), quiet())
    return value


@task("deep-spawner")
async def deep_spawner(tg):
    tg.create_task(deep())
    return 1


@task("deep")
async def deep():
    await asyncio.sleep(100_000_000)  # 0.1 s
    return "d"


@task("quiet")
async def quiet():
    await asyncio.sleep(100_000_000)  # 0.1 s
    return "q"


@task("own-group")
async def own_group(tg):
    try:
        try:
            async with asyncio.timeout(500_000_000):  # 0.5 s
                async with asyncio.TaskGroup() as inner_tg:
                    tasks = [inner_tg.create_task(inner(inner_tg))]
            value = [t.result() for t in tasks]
        except Exception:
            await asyncio.sleep(0)  # a bare yield, the group's after, also after an error
            raise
        await asyncio.sleep(0)  # a bare yield, the group's after
        return value
    except asyncio.CancelledError:  # on_cancel
        tg.create_task(rescue())
        raise


@task("inner")
async def inner(tg):
    tg.create_task(inner_child())


@task("inner-child")
async def inner_child():
    await asyncio.sleep(0)  # a bare yield
    return "ic"


@task("rescue")
async def rescue():
    await asyncio.sleep(100_000_000)  # 0.1 s
    return "r"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [
                tg.create_task(spawner(tg)),
                tg.create_task(middle(tg)),
                tg.create_task(own_group(tg)),
            ]
        value = [t.result() for t in tasks]
    except asyncio.CancelledError as e:  # no Exception: main ends cancelled (SPEC 2)
        raised(e)
        raise
    except Exception as e:
        raised(e)
    else:
        returned(value)


if __name__ == "__main__":
    with report("taskgroup-spawns", {"kind": "taskgroup"}, "3.12"):
        run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)
