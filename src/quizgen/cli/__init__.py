"""The command line: parses options and calls the library; heavy imports stay inside commands."""
