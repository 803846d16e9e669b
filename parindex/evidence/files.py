"""What an uploaded evidence file really is, before anything is stored or opened.

The extension a user gives is only a claim: the first bytes must say the same (a PNG renamed .pdf is
refused), and a DOCX or XLSX is a ZIP whose central directory is checked for zip bombs and path tricks
before any parser (openpyxl, a viewer on the appraiser's machine) ever opens it. Only the central
directory and the small [Content_Types].xml are read here; no member is extracted.

Pure Python (no Django), so every rule is tested on bytes made in the test.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

MSG_UNSUPPORTED_EXTENSION = (
    "Tệp “{name}” có định dạng không được nhận. Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG."
)
MSG_NOT_REAL = "Tệp “{name}” không phải là tệp {kind} thật: nội dung tệp không khớp với phần mở rộng “{extension}”."
MSG_EMPTY = "Tệp “{name}” rỗng (0 byte)."
MSG_TOO_LARGE = "Tệp “{name}” vượt quá dung lượng cho phép ({limit})."
MSG_ZIP_UNSAFE = (
    "Tệp “{name}” có cấu trúc nén bất thường nên hệ thống không mở: {reason}. "
    "Hãy mở tệp bằng Word hoặc Excel, lưu lại rồi tải lên lần nữa."
)
REASON_TOO_MANY_MEMBERS = "có {count} thành phần (tối đa {limit})"
REASON_TOO_BIG_UNCOMPRESSED = "dung lượng khi giải nén khai báo là {size} (tối đa {limit})"
REASON_RATIO = "thành phần “{member}” nén với tỷ lệ {ratio}:1 (tối đa {limit}:1)"
REASON_BAD_PATH = "thành phần có đường dẫn không hợp lệ “{member}”"
REASON_ENCRYPTED = "tệp được đặt mật khẩu"
REASON_ZIP64 = "tệp khai báo hơn 65.535 thành phần (tối đa {limit})"

# A real DOCX or XLSX has tens of members; a decompressed report of hundreds of pages is a few MB.
ZIP_MAX_MEMBERS = 10_000
ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
# Below this a member cannot hurt whatever its ratio (a blank XML part of spaces compresses 1000:1), so
# the ratio is judged only on members at least this large; the total above caps the small ones together.
ZIP_RATIO_FLOOR = 1024 * 1024
CONTENT_TYPES_MAX = 1024 * 1024

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Kind:
    label: str  # what the user calls it, in messages
    extensions: tuple[str, ...]
    content_type: str


PDF = Kind("PDF", (".pdf",), "application/pdf")
DOCX = Kind("Word (.docx)", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = Kind("Excel (.xlsx)", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
JPEG = Kind("ảnh JPG", (".jpg", ".jpeg"), "image/jpeg")
PNG = Kind("ảnh PNG", (".png",), "image/png")
KINDS = (PDF, DOCX, XLSX, JPEG, PNG)
KIND_BY_EXTENSION = {extension: kind for kind in KINDS for extension in kind.extensions}
# What the browser's file picker offers (the server checks again, whatever the picker allowed).
ACCEPT = ",".join(KIND_BY_EXTENSION)

# The main part each Office format must declare in [Content_Types].xml (a .docm or .xltx is not a .docx).
OFFICE_MAIN_PARTS = {
    DOCX: ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    XLSX: ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
}

_OVERRIDE_TAG = re.compile(r"<(?:\w+:)?Override\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


class FileRefused(Exception):
    """The file is not accepted; the message says why, in Vietnamese, naming the file."""


def clean_filename(name: str) -> str:
    """The name to keep and offer back on download: NFC (a Mac sends "ế" as e + two combining marks), without
    any folder part a browser or a crafted request put in it, without control or format characters (a
    right-to-left override could make "gpj.exe" read as "exe.jpg")."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    name = " ".join(name.split()).strip(" .")
    if len(name) > 255:
        stem, dot, extension = name.rpartition(".")
        name = stem[: 254 - len(extension)] + dot + extension if dot and len(extension) <= 10 else name[:255]
    return name


def kind_of(name: str) -> Kind:
    """The kind the extension claims; FileRefused if it is not one we take."""
    kind = KIND_BY_EXTENSION.get(PurePosixPath(name.lower()).suffix)
    if kind is None:
        raise FileRefused(MSG_UNSUPPORTED_EXTENSION.format(name=name))
    return kind


def extension_of(name: str) -> str:
    return PurePosixPath(name.lower()).suffix


@dataclass(frozen=True)
class Measure:
    size: int
    sha256: str


def measure(chunks: Iterable[bytes], *, name: str, max_bytes: int) -> Measure:
    """Size and SHA-256 read chunk by chunk; refuses as soon as the bytes actually read pass the limit
    (the size a client declares is not trusted)."""
    digest = hashlib.sha256()
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise FileRefused(MSG_TOO_LARGE.format(name=name, limit=format_bytes(max_bytes)))
        digest.update(chunk)
    if size == 0:
        raise FileRefused(MSG_EMPTY.format(name=name))
    return Measure(size, digest.hexdigest())


def check_content(stream: IO[bytes], *, name: str, kind: Kind) -> None:
    """The first bytes (and for Office files the ZIP structure) must be those of the claimed kind."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    real = {
        PDF: head.startswith(b"%PDF-"),
        JPEG: head.startswith(b"\xff\xd8\xff"),
        PNG: head.startswith(b"\x89PNG\r\n\x1a\n"),
        DOCX: head.startswith(b"PK\x03\x04"),
        XLSX: head.startswith(b"PK\x03\x04"),
    }[kind]
    if not real:
        raise FileRefused(MSG_NOT_REAL.format(name=name, kind=kind.label, extension=extension_of(name)))
    if kind in OFFICE_MAIN_PARTS:
        _check_office(stream, name=name, kind=kind)
        stream.seek(0)


def _declared_member_count(stream: IO[bytes]) -> int | None:
    """The entry count in the End of Central Directory record, read from the last 64 KB: zipfile builds an
    object per entry before anyone can count them, so a 20 MB archive of 400,000 empty entries would take
    hundreds of MB of memory first. 0xFFFF means ZIP64 (more entries than that), which no Office file needs."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(max(0, size - 65536 - 22))
    tail = stream.read()
    stream.seek(0)
    position = tail.rfind(b"PK\x05\x06")
    if position == -1 or position + 22 > len(tail):
        return None  # not a ZIP at all: zipfile says so below
    return int.from_bytes(tail[position + 10 : position + 12], "little")


def _check_office(stream: IO[bytes], *, name: str, kind: Kind) -> None:
    not_real = FileRefused(MSG_NOT_REAL.format(name=name, kind=kind.label, extension=extension_of(name)))
    declared = _declared_member_count(stream)
    if declared is not None and declared > ZIP_MAX_MEMBERS:
        reason = REASON_TOO_MANY_MEMBERS.format(count=declared, limit=ZIP_MAX_MEMBERS)
        if declared == 0xFFFF:
            reason = REASON_ZIP64.format(limit=ZIP_MAX_MEMBERS)
        raise FileRefused(MSG_ZIP_UNSAFE.format(name=name, reason=reason))
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_real from None
    with archive:
        members = archive.infolist()
        check_zip_members(members, name=name)
        try:
            info = archive.getinfo("[Content_Types].xml")
        except KeyError:
            raise not_real from None
        if info.file_size > CONTENT_TYPES_MAX:
            raise not_real
        try:
            with archive.open(info) as part:
                content_types = part.read(CONTENT_TYPES_MAX).decode("utf-8", errors="replace")
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
            raise not_real from None
        part_name, content_type = OFFICE_MAIN_PARTS[kind]
        names = {member.filename for member in members}
        if part_name.lstrip("/") not in names or not _declares(content_types, part_name, content_type):
            raise not_real


def check_zip_members(members: list[zipfile.ZipInfo], *, name: str) -> None:
    """The central directory's own figures, read before anything is decompressed."""

    def unsafe(reason: str) -> FileRefused:
        return FileRefused(MSG_ZIP_UNSAFE.format(name=name, reason=reason))

    if len(members) > ZIP_MAX_MEMBERS:
        raise unsafe(REASON_TOO_MANY_MEMBERS.format(count=len(members), limit=ZIP_MAX_MEMBERS))
    total = 0
    for member in members:
        path = member.filename
        parts = re.split(r"[\\/]", path)
        if path.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(path) or ".." in parts or "\x00" in path:
            raise unsafe(REASON_BAD_PATH.format(member=path[:100]))
        if member.flag_bits & 0x1:
            raise unsafe(REASON_ENCRYPTED)
        total += member.file_size
        if member.file_size >= ZIP_RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > ZIP_MAX_RATIO:
                raise unsafe(REASON_RATIO.format(member=path[:100], ratio=int(ratio), limit=ZIP_MAX_RATIO))
    if total > ZIP_MAX_UNCOMPRESSED:
        raise unsafe(
            REASON_TOO_BIG_UNCOMPRESSED.format(size=format_bytes(total), limit=format_bytes(ZIP_MAX_UNCOMPRESSED))
        )


def _declares(content_types: str, part_name: str, content_type: str) -> bool:
    for match in _OVERRIDE_TAG.finditer(content_types):
        attributes = {key.lower(): first or second for key, first, second in _ATTRIBUTE.findall(match.group(1))}
        if attributes.get("partname", "").lower() == part_name and attributes.get("contenttype") == content_type:
            return True
    return False


def format_bytes(size: int) -> str:
    """1536 → "1,5 KB", 20971520 → "20 MB": Vietnamese decimal comma, binary units as Windows shows them."""
    value = float(size)
    for unit in ("byte", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "byte":
        return f"{size} byte"
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} {unit}"
