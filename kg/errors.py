"""The exception tree of kg.

Every error kg raises on purpose derives from :class:`KgError`, so a caller
(or the CLI) can catch one type and print one human line::

    KgError
    ├── InputError          an article or file could not be read
    │   ├── EmptyInput
    │   ├── UnsupportedInput
    │   └── InputTooLarge
    ├── NlpError            the NLP pipeline could not be loaded or run
    ├── StoreError          the RDF store could not be opened or written
    │   └── StoreLocked     another process holds the embedded store
    ├── RdfSyntaxError      RDF given to ``kg import`` is malformed
    └── QueryError          a SPARQL query is malformed or failed
        └── QueryTimeout

>>> from kg.errors import KgError, EmptyInput
>>> issubclass(EmptyInput, KgError)
True
>>> str(EmptyInput("a.txt", "no text"))
'a.txt: no text'
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "InputError",
    "EmptyInput",
    "UnsupportedInput",
    "InputTooLarge",
    "NlpError",
    "StoreError",
    "StoreLocked",
    "RdfSyntaxError",
    "QueryError",
    "QueryTimeout",
]


class KgError(Exception):
    """Base class of every error kg raises deliberately."""


class InputError(KgError):
    """An input (file, URL, JSONL line) could not be turned into an article.

    ``source`` names the input so that one line tells the user what failed.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class EmptyInput(InputError):
    """The input holds no text."""


class UnsupportedInput(InputError):
    """The input is of a kind kg does not read (binary, compressed, unknown suffix)."""


class InputTooLarge(InputError):
    """The input is bigger than the configured cap."""


class NlpError(KgError):
    """The NLP pipeline could not be loaded or failed on a text."""


class StoreError(KgError):
    """The RDF store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the embedded store open for writing."""


class RdfSyntaxError(KgError):
    """RDF data could not be parsed."""


class QueryError(KgError):
    """A SPARQL query is malformed or failed to run."""


class QueryTimeout(QueryError):
    """A SPARQL query ran past its time limit."""
