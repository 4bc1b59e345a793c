"""``speclint check --fix``: fixes that cannot change what any code means.

``tables`` re-aligns one table (pipes, padding, the delimiter row), ``page`` applies that to
the code tables of a page (sorting the rows of a table by value where unsorted-values reported
it) and checks that the page still reads the same, ``write`` writes pages atomically or shows
the change as a unified diff.
"""
