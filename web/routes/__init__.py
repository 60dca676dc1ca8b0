"""HTTP routes, grouped by who uses them."""
