"""The per-client rate limit of one process (feedback_api/ratelimit.py): its answers, and its bounded cost."""

from __future__ import annotations

from feedback_api.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_gets_its_limit_per_window_then_waits_for_the_window_to_end() -> None:
    clock = Clock()
    limiter = RateLimiter(3, window=60, clock=clock)
    assert [limiter.retry_after("10.0.0.1") for _ in range(3)] == [None, None, None]
    clock.now += 20.5
    assert limiter.retry_after("10.0.0.1") == 40
    assert limiter.retry_after("10.0.0.2") is None, "another client has its own window"
    clock.now += 39.5
    assert limiter.retry_after("10.0.0.1") is None


def test_a_refused_request_does_not_extend_the_window() -> None:
    clock = Clock()
    limiter = RateLimiter(1, window=60, clock=clock)
    assert limiter.retry_after("a") is None
    for _ in range(5):
        clock.now += 10
        assert limiter.retry_after("a") is not None
    clock.now += 10
    assert limiter.retry_after("a") is None


def test_each_request_drops_only_a_few_expired_windows_however_many_clients_there_were() -> None:
    """A request does a bounded amount of work: the table of 50,000 clients shrinks a little per request, it is
    not rebuilt by whichever request comes after the window."""
    clock = Clock()
    limiter = RateLimiter(60, window=60, clock=clock)
    for number in range(50_000):
        limiter.retry_after(f"client-{number}")
    clock.now += 61
    limiter.retry_after("newcomer")
    assert 49_998 <= len(limiter) <= 50_001
    # New clients come one per request and expired windows leave two per request: within 25,000 requests every
    # expired window is gone, and only the clients of the current window are held.
    for number in range(30_000):
        limiter.retry_after(f"later-{number}")
    assert len(limiter) == 1 + 30_000


def test_the_table_never_holds_more_than_max_clients() -> None:
    clock = Clock()
    limiter = RateLimiter(2, window=60, clock=clock, max_clients=100)
    for number in range(1000):
        limiter.retry_after(f"client-{number}")
        assert len(limiter) <= 100
    assert [limiter.retry_after("client-999") for _ in range(2)] == [None, 60], "recent clients are still counted"
