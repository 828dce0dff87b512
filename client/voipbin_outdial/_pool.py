"""Run at most N jobs at once: asyncio tasks for the async client, threads for the sync one.

``_async/bulk.py`` is written once against :class:`AsyncPool`; ``scripts/unasync.py`` makes the
sync ``_sync/bulk.py``, which uses :class:`Pool` with the same three calls: ``submit`` a job,
wait for its ``result``, and leave the ``with`` block to stop what is left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, Self, TypeVar

__all__ = ["AsyncPending", "AsyncPool", "Pending", "Pool"]

T = TypeVar("T")

AsyncPending = asyncio.Task
"""A submitted job of an :class:`AsyncPool` (``AsyncPending[T]``)."""
Pending = Future
"""A submitted job of a :class:`Pool` (``Pending[T]``)."""


class AsyncPool(Generic[T]):
    """Jobs as tasks of the running loop, at most ``workers`` of them running at a time."""

    def __init__(self, workers: int) -> None:
        self._slots = asyncio.Semaphore(workers)
        self._tasks: set[asyncio.Task[T]] = set()

    async def _run(self, job: Callable[[], Awaitable[T]]) -> T:
        async with self._slots:
            return await job()

    def submit(self, job: Callable[[], Awaitable[T]]) -> AsyncPending[T]:
        task = asyncio.ensure_future(self._run(job))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def result(self, task: AsyncPending[T]) -> T:
        return await task

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


class Pool(Generic[T]):
    """Jobs on ``workers`` threads."""

    def __init__(self, workers: int) -> None:
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="voipbin-outdial")

    def submit(self, job: Callable[[], T]) -> Pending[T]:
        return self._executor.submit(job)

    def result(self, future: Pending[T]) -> T:
        return future.result()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
