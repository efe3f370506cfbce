"""The feedback store both sides use: the records a customer's browser sends (`records`), what is masked in
customers' words before they are stored (`privacy`), the tables and writes (`store`), the engine and migrations
(`database`). The endpoint writes through it, the report reads through it; no web framework here."""
