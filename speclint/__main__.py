from speclint.cli import run

run()
