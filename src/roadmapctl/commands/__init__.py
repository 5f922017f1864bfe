"""One small module per subcommand; `main.py` only wires arguments to them."""
