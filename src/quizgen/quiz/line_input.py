"""Reading the learner's answer one line at a time.

On a terminal prompt_toolkit edits the line (cursor keys, deletion and history work for Arabic as
for any text); otherwise, for piped or redirected input, plain lines are read. Either way Ctrl-D
(end of input) raises EOFError and Ctrl-C KeyboardInterrupt, which the session treats as quitting.
"""

from __future__ import annotations

import sys


class LineReader:
    def __init__(self, interactive: bool):
        self._session = None
        if interactive:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.output.vt100 import Vt100_Output

            output = Vt100_Output.from_pty(sys.stdout)
            # No cursor-position requests: a one-line prompt needs none, and a terminal that
            # never answers them would otherwise delay the prompt.
            output.enable_cpr = False
            self._session = PromptSession(output=output)

    def read(self, prompt: str) -> str:
        if self._session is not None:
            return self._session.prompt(prompt)
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stdout.write("\n")
            raise EOFError
        line = line.rstrip("\r\n")
        # Nothing echoed the piped answer: print it, so the transcript reads like a session.
        sys.stdout.write(line + "\n")
        return line
