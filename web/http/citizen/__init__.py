"""What a citizen reaches: the chat page and widget, the API, and the credential for each."""
