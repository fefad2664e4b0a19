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


class ConflictError(PolicyQAError):
    """Storing a notice would replace a different notice with the same 文号."""


class StorageFullError(PolicyQAError):
    """The disk under the data dir is full; nothing was changed."""


class WriterBusyError(PolicyQAError):
    """Another process holds the data dir's write lock for too long."""


class ReadOnlyError(PolicyQAError):
    """The data dir cannot be written."""
