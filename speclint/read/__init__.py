"""The read stage: a page in, located records out.

``source`` decodes bytes, ``blocks`` finds the tables a reader sees (markdown-it-py), ``cells``
splits rows, ``columns`` decides what each column holds, ``values`` types the codes, ``records``
builds the located ``Record``s, ``directives`` reads inline suppressions; ``page`` runs them in
that order for one page.
"""
