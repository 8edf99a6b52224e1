"""Portrayal rules: who plays whom, and recasts."""
