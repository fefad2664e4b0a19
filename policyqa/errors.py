"""Domain errors. Library code raises these; only the edges (CLI, HTTP) turn them into exit codes and statuses."""


class PolicyQAError(Exception):
    """Base class: the message tells the user what to do."""


class IngestError(PolicyQAError):
    """A notice could not be read or parsed; nothing was stored."""


class UnsupportedFormatError(IngestError):
    """The file is in a format PolicyQA does not read (or cannot read: a scanned PDF, a damaged file)."""


class IndexMismatchError(PolicyQAError):
    """The on-disk index disagrees with settings or with the clause store."""


class IndexNotBuiltError(PolicyQAError):
    """No index exists yet."""


class NotFoundError(PolicyQAError):
    """A document or clause that was asked for does not exist."""
