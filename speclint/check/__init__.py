"""The check stage: record sets in, findings out.

``plugins`` finds the rule classes (built-in and third-party alike, through the
``speclint.rules`` entry points), ``configure`` picks and builds the ones a run uses, ``run``
runs them. The rules themselves live in the top-level ``rules/`` folder, each in its module.
"""
