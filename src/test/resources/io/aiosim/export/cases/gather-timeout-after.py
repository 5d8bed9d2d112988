# --- the workflow ----------------------------------------------------------------------------

@task("hello-0.1")
async def hello_0_1():
    await asyncio.sleep(100_000_000)  # 0.1 s
    return 0.1


@task("boom")
async def boom():
    await asyncio.sleep(200_000_000)  # 0.2 s
    raise error("ValueError", "Error")


@task("zero")
async def zero():
    await asyncio.sleep(0)  # a bare yield
    return {"k": [1, "two", None]}


async def main():
    try:
        async with asyncio.timeout(150_000_000):  # 0.15 s
            value = await asyncio.gather(hello_0_1(), boom(), zero(), return_exceptions=True)
    except asyncio.CancelledError as e:  # no Exception: main ends cancelled (SPEC 2)
        raised(e)
        raise
    except Exception as e:
        raised(e)
    else:
        returned(value)
    await asyncio.sleep(1_000_000_000)  # 1.0 s, the workflow's after


if __name__ == "__main__":
    with report("gather-timeout-after", {"kind": "gather", "return_exceptions": True, "timeout": seconds(150_000_000)}, "3.12"):
        run(main())  # asyncio.run(main(), loop_factory=ReferenceLoop)
