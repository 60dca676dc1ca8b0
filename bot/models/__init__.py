"""Chat models behind one port: Ollama, OpenAI-compatible servers and in-process llama.cpp."""
