"""The file rules on their own: names, sizes, the ZIP directory figures, the Office main part."""

import io
import zipfile

import pytest

from parindex.evidence import files
from tests.evidence import documents


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Kế hoạch CCHC năm 2025.pdf", "Kế hoạch CCHC năm 2025.pdf"),
        ("C:\\Users\\Lan\\Desktop\\Quyết định.pdf", "Quyết định.pdf"),
        ("../../etc/Báo cáo.docx", "Báo cáo.docx"),
        ("Ảnh\u202egpj.exe", "Ảnhgpj.exe"),  # a right-to-left override would make it read "exe.jpg"
        ("Tờ\x00trình\x07.pdf", "Tờtrình.pdf"),
        ("  Báo   cáo .pdf  ", "Báo cáo .pdf"),
    ],
)
def test_a_name_is_cleaned_but_keeps_its_diacritics(given, kept):
    assert files.clean_filename(given) == kept


def test_a_very_long_name_keeps_its_extension():
    name = files.clean_filename("Báo cáo " * 60 + ".xlsx")
    assert len(name) <= 255
    assert name.endswith(".xlsx")


@pytest.mark.parametrize(
    ("size", "text"), [(500, "500 byte"), (1536, "1,5 KB"), (20 * 1024 * 1024, "20 MB"), (200 * 1024**2, "200 MB")]
)
def test_sizes_are_written_the_vietnamese_way(size, text):
    assert files.format_bytes(size) == text


def test_measuring_stops_at_the_limit_whatever_the_chunks():
    chunks = iter([b"x" * 400, b"x" * 400, b"boom"])
    with pytest.raises(files.FileRefused, match="vượt quá dung lượng"):
        files.measure(chunks, name="a.pdf", max_bytes=500)


def test_the_office_main_part_may_be_declared_in_any_attribute_order():
    types = f"<Types><Override ContentType='{files.OFFICE_MAIN_PARTS[files.DOCX][1]}' PartName='/word/document.xml'/></Types>"
    assert files._declares(types, *files.OFFICE_MAIN_PARTS[files.DOCX])
    assert not files._declares(types, *files.OFFICE_MAIN_PARTS[files.XLSX])


def test_a_real_docx_and_xlsx_pass_the_checks():
    for name, content, kind in (("a.docx", documents.docx(), files.DOCX), ("b.xlsx", documents.xlsx(), files.XLSX)):
        files.check_content(io.BytesIO(content), name=name, kind=kind)


def test_a_macro_enabled_word_file_renamed_docx_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(documents.docx())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            target.writestr(item, data)
    with pytest.raises(files.FileRefused, match="không phải là tệp Word"):
        files.check_content(io.BytesIO(out.getvalue()), name="a.docx", kind=files.DOCX)


def test_an_archive_claiming_zip64_entry_counts_is_refused_before_zipfile_reads_it():
    data = bytearray(documents.docx())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = b"\xff\xff\xff\xff"  # entries on this disk, entries in total
    with pytest.raises(files.FileRefused) as error:
        files.check_content(io.BytesIO(bytes(data)), name="a.docx", kind=files.DOCX)
    reason = files.REASON_ZIP64.format(limit=10_000)
    assert str(error.value) == files.MSG_ZIP_UNSAFE.format(name="a.docx", reason=reason)


def test_small_members_are_not_judged_by_their_ratio():
    # A blank 64 KB XML part compresses about 1000:1 and is harmless.
    crafted = documents.docx_with({"word/blank.xml": b" " * 65536})
    files.check_content(io.BytesIO(crafted), name="a.docx", kind=files.DOCX)
