# --- the workflow ----------------------------------------------------------------------------

@task("fast")
async def fast():
    await asyncio.sleep(100_000_000)  # 0.1 s
    return 1


@task("boom")
async def boom():
    await asyncio.sleep(200_000_000)  # 0.2 s
    raise error("KeyError", "")


@task("slow")
async def slow():
    try:
        await asyncio.sleep(300_000_000)  # 0.3 s
        return None
    except asyncio.CancelledError:  # on_cancel
        await asyncio.sleep(50_000_000)  # 0.05 s
        log("cleaned \"up\"")
        return "partial"


async def main():
    try:
        tasks = [
            asyncio.create_task(fast()),
            asyncio.create_task(boom()),
            asyncio.create_task(slow()),
        ]
        value = []
        for f in asyncio.as_completed(tasks, timeout=250_000_000):
            try:
                value.append(item(result=await f))
            except Exception as e:
                value.append(item(error=e))
                for t in tasks:  # every task, finished or not (SPEC 2)
                    t.cancel()
                break
    except asyncio.CancelledError as e:  # no Exception: main ends cancelled (SPEC 2)
        raised(e)
        raise
    except Exception as e:
        raised(e)
    else:
        returned(value)


if __name__ == "__main__":
    with report("as-completed-cancel-remaining", {"kind": "as_completed", "on_error": "cancel_remaining", "timeout": seconds(250_000_000)}, "3.12"):
        run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)
