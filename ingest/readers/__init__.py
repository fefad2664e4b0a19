"""Readers by format behind one `Reader` protocol, picked by sniffing the content: text (UTF-8/GB18030), HTML,
.docx, PDF and legacy .doc/.wps/.rtf/.odt (through LibreOffice). Each returns the same `Reading`."""

from ingest.readers.base import Line, Reader, Reading, Row
from ingest.readers.registry import NOTICE_SUFFIXES, READERS, REFUSED_SUFFIXES, read_notice, reader_for

__all__ = ["NOTICE_SUFFIXES", "READERS", "REFUSED_SUFFIXES", "Line", "Reader", "Reading", "Row", "read_notice",
           "reader_for"]
