"""Staff sign-in for the console: accounts, passwords, session cookies, CSRF, throttling."""
