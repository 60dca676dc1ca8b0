"""Tests of the deployment files: the image, compose, the reverse proxy, two processes."""
