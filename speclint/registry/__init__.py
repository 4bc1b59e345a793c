"""The registry stage: located records in, code spaces out.

``build`` groups records into the record sets rules see (per file, per registry), ``spaces``
splits a page into the code spaces a reader sees and tells references from definitions,
``ranges`` and ``conventions`` infer what a category's codes share (a range of values, a naming
convention), ``words`` splits names into words; ``thresholds`` names every number they turn on.
"""
