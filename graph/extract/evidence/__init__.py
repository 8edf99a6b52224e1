"""Evidence: whether a statement is asserted, and calibrated confidence."""
