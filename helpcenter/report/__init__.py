"""The gap report: which pages, questions and searches fail customers, and the file to edit for each.

`gather` asks the feedback store for sums (SQL GROUP BY, never a loop over rows), `ranking` and `queries` turn
them into ranked rows and search groups, `gap_report` puts one report together, `render` and `html` write it.
"""
