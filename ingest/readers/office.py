"""Legacy Word (.doc), WPS (.wps), RTF and OpenDocument text: converted to .docx by LibreOffice headless (the Debian
package libreoffice-writer-nogui, which `.ci/run` installs), then read as .docx."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.readers.base import Reading
from ingest.readers.docx import read_docx
from policyqa.errors import IngestError, UnsupportedFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
CONVERT_TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def ole_kind(data: bytes) -> str | None:
    """What an OLE2 compound file holds, from its directory's stream names: word, excel, powerpoint or None."""
    if not data.startswith(OLE_MAGIC):
        return None
    if _WORD_STREAM in data:
        return "word"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "excel"
    if "PowerPoint Document".encode("utf-16-le") in data:
        return "powerpoint"
    return None


class OfficeReader:
    format = "doc"

    def sniff(self, data: bytes, name: str) -> bool:
        if ole_kind(data) == "word" or data.startswith(b"{\\rtf"):
            return True
        return data.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument.text" in data[:200]

    def read(self, data: bytes, name: str) -> Reading:
        kind = "rtf" if data.startswith(b"{\\rtf") else "odt" if data.startswith(b"PK") else "doc"
        exe = soffice()
        if exe is None:
            raise UnsupportedFormatError(
                f"{name}: a legacy Word/WPS/RTF/ODT document needs LibreOffice to read it: install the Debian package "
                "libreoffice-writer-nogui (or save the notice as .docx)")
        with tempfile.TemporaryDirectory(prefix="policyqa-office-") as tmp:
            src = Path(tmp) / f"notice.{kind}"
            src.write_bytes(data)
            profile = Path(tmp, "profile").as_uri()  # its own profile: conversions may run side by side
            cmd = [exe, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(Path(tmp, "out")), str(src)]
            try:
                subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
            except subprocess.TimeoutExpired as e:
                raise IngestError(f"{name}: LibreOffice took longer than {CONVERT_TIMEOUT_S}s to convert it") from e
            out = Path(tmp, "out", "notice.docx")
            if not out.exists():
                raise UnsupportedFormatError(f"{name}: LibreOffice could not convert this .{kind} file (damaged, "
                                             "password-protected or not a text document)")
            reading = read_docx(out.read_bytes(), name, kind)
        return reading
