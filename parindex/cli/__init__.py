"""The command line: `parindex score` (batch scoring from a CSV or Excel file), `parindex check` and more.

Each subcommand is a small module exposing `register(subparsers)`; `parindex.cli.main.COMMANDS` lists them.
Nothing here needs Django or a database.
"""
