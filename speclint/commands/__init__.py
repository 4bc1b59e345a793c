"""The bodies of the subcommands that are not ``check``: ``cli.py`` parses and dispatches."""
