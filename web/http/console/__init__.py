"""The caseworker console: sign-in, the live queue, conversations taken over by people."""
