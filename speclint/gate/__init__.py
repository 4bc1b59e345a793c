"""The gate stage: which findings are shown.

``ignores`` applies per-file ignores, ``suppress`` inline suppressions, ``baseline`` accepted
findings; ``decide`` applies them in order, then lets the rules of gate scope judge the result.
Nothing here decides what is wrong with a page: that is the rules' job.
"""
