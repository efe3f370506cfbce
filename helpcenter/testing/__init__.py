"""Real servers and the headless browser, for the tests and the benchmarks alike (`make test`, `make bench-*`).

Development tools, not part of a running help center: nothing outside tests/ and bench/ imports them.
"""
