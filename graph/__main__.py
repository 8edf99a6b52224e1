"""Run the canon command as ``python -m graph``."""
from graph.cli import main

main()
