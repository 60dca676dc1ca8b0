"""Small fakes for the unit tier: they keep state and let tests check outcomes."""
