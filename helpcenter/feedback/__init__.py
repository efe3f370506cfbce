"""The feedback store both sides use: the records a customer's browser sends (`records`), the tables and writes
(`store`), the engine and migrations (`database`). The endpoint writes through it, the report reads through it."""
