"""Digital signatures in PDF evidence, checked offline with pyHanko.

Most decisions and plans arrive signed by the issuing body's certificate (chữ ký số của cơ quan). The check
answers three questions per signature: who signed (the certificate's CN), when (the time the signer's
software wrote, not proof of time), and whether the document is still exactly what was signed. Whether the
certificate chains up to a trusted authority needs that authority's root: none is configured by default
(an intranet server cannot fetch anything), so an intact signature is "chưa xác thực được chứng thư"
(UNTRUSTED) unless PARINDEX_TRUST_ROOTS_DIR holds the roots (PEM or DER) the province trusts.

Nothing here is fetched from the network: no CRL, no OCSP, no AIA (allow_fetching=False).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from asn1crypto import pem, x509
from django.utils import timezone

from parindex.evidence.models import SignatureStatus

logger = logging.getLogger(__name__)

NOTE_TOO_LARGE = "Tệp lớn hơn {limit}: chưa kiểm tra chữ ký số khi tải lên."
NOTE_UNREADABLE = "Không đọc được cấu trúc tệp PDF để kiểm tra chữ ký số ({error})."
NOTE_UNSIGNED = "Tệp PDF không có chữ ký số (bản scan hoặc bản chưa ký)."
LINE_SIGNATURE = "Chữ ký {index}: {signer}{time}. {integrity} {trust}"
LINE_TIME = ", ký lúc {time}"
INTEGRITY_INTACT = "Tài liệu còn nguyên vẹn kể từ khi ký."
INTEGRITY_BROKEN = "Nội dung tài liệu đã bị thay đổi sau khi ký hoặc chữ ký bị hỏng."
INTEGRITY_MODIFIED_AFTER = "Tài liệu đã bị sửa đổi sau khi ký (phần được ký còn nguyên vẹn)."
TRUST_OK = "Chứng thư số hợp lệ, do tổ chức được tin cậy cấp."
TRUST_NO_ROOTS = "Chưa xác thực được chứng thư: máy chủ chưa được cấu hình chứng thư gốc tin cậy."
TRUST_FAILED = "Chưa xác thực được chứng thư ({reason})."
TRUST_NOT_APPLICABLE = ""
NOTE_SIGNATURE_UNCHECKED = "Chữ ký {index}: không kiểm tra được ({error})."
UNKNOWN_SIGNER = "(không rõ người ký)"
# Why a chain was not trusted, for the common cases (pyHanko's AdES sub-indications); others show their name.
TRUST_PROBLEMS = {
    "NO_CERTIFICATE_CHAIN_FOUND": "không tìm được chuỗi chứng thư đến một chứng thư gốc tin cậy",
    "CERTIFICATE_CHAIN_GENERAL_FAILURE": "chuỗi chứng thư không hợp lệ hoặc không do chứng thư gốc tin cậy cấp",
    "EXPIRED": "chứng thư đã hết hạn",
    "OUT_OF_BOUNDS_NO_POE": "chứng thư đã hết hạn hoặc chưa có hiệu lực",
    "NOT_YET_VALID": "chứng thư chưa có hiệu lực",
    "REVOKED": "chứng thư đã bị thu hồi",
    "REVOKED_NO_POE": "chứng thư đã bị thu hồi",
    "REVOKED_CA_NO_POE": "chứng thư của tổ chức cấp đã bị thu hồi",
    "CHAIN_CONSTRAINTS_FAILURE": "chứng thư không được phép dùng để ký tài liệu",
    "SIG_CONSTRAINTS_FAILURE": "chứng thư không được phép dùng để ký tài liệu",
}
# From the best verdict to the worst.
WEAKNESS = (
    SignatureStatus.VALID,
    SignatureStatus.UNTRUSTED,
    SignatureStatus.NOT_CHECKED,
    SignatureStatus.INVALID,
)


@dataclass(frozen=True)
class SignatureCheck:
    status: str  # a SignatureStatus value
    signer: str = ""
    signed_at: datetime | None = None
    detail: str = ""
    signatures: list[dict[str, Any]] = field(default_factory=list)


def load_trust_roots(directory: str | Path | None) -> list[x509.Certificate]:
    """Every certificate in the files of `directory` (PEM, possibly several per file, or DER)."""
    if not directory:
        return []
    roots: list[x509.Certificate] = []
    for path in sorted(Path(directory).iterdir()):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            if pem.detect(data):
                roots.extend(x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True))
            else:
                certificate = x509.Certificate.load(data)
                certificate.native  # noqa: B018  (parses it now: a stray non-certificate file fails here)
                roots.append(certificate)
        except Exception:  # a README or a key in the folder must not stop every check
            logger.warning("Skipping %s: not a PEM or DER certificate", path)
    return roots


def _common_name(certificate: x509.Certificate) -> str:
    subject = certificate.subject.native
    return str(subject.get("common_name") or subject.get("organization_name") or UNKNOWN_SIGNER)


def _local(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def check_pdf_signatures(stream: IO[bytes], *, trust_roots: list[x509.Certificate]) -> SignatureCheck:
    """The combined verdict on every signature of the PDF: INVALID if any is broken, VALID only if all are
    intact and trusted, UNTRUSTED if intact but not all trusted, UNSIGNED without any signature."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    stream.seek(0)
    try:
        reader = PdfFileReader(stream, strict=False)
        # Document timestamps (/DocTimeStamp) prove a time, not a signer: only /Sig signatures count.
        embedded = [signature for signature in reader.embedded_signatures if signature.sig_object_type == "/Sig"]
    except Exception as error:  # pyHanko raises many kinds on a malformed file; none may fail the upload
        return SignatureCheck(SignatureStatus.NOT_CHECKED, detail=NOTE_UNREADABLE.format(error=_short(error)))
    if not embedded:
        return SignatureCheck(SignatureStatus.UNSIGNED, detail=NOTE_UNSIGNED)

    lines: list[str] = []
    verdicts: list[str] = []
    signers: list[str] = []
    times: list[datetime] = []
    records: list[dict[str, Any]] = []
    for index, signature in enumerate(embedded, start=1):
        # A fresh context per signature: offline, only the configured roots, revocation "soft-fail" (no
        # revocation data can be fetched here, and its absence must not be read as revoked).
        context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
        try:
            status = _outside_any_event_loop(validate_pdf_signature, signature, context)
        except Exception as error:
            # A format pyHanko does not handle (an old SubFilter, say) is not proof of tampering.
            verdicts.append(SignatureStatus.NOT_CHECKED)
            lines.append(NOTE_SIGNATURE_UNCHECKED.format(index=index, error=_short(error)))
            records.append({"status": SignatureStatus.NOT_CHECKED, "error": _short(error)})
            continue
        signer = _common_name(status.signing_cert)
        signed_at = status.signer_reported_dt
        intact = bool(status.intact and status.valid)
        modified_after = status.modification_level == ModificationLevel.OTHER or status.docmdp_ok is False
        if not intact:
            verdict, integrity, trust = SignatureStatus.INVALID, INTEGRITY_BROKEN, TRUST_NOT_APPLICABLE
        elif modified_after:
            verdict, integrity, trust = SignatureStatus.INVALID, INTEGRITY_MODIFIED_AFTER, TRUST_NOT_APPLICABLE
        elif status.trusted:
            verdict, integrity, trust = SignatureStatus.VALID, INTEGRITY_INTACT, TRUST_OK
        else:
            verdict, integrity = SignatureStatus.UNTRUSTED, INTEGRITY_INTACT
            problem = getattr(status.trust_problem_indic, "name", "")
            reason = TRUST_PROBLEMS.get(problem, problem or "không rõ lý do")
            trust = TRUST_NO_ROOTS if not trust_roots else TRUST_FAILED.format(reason=reason)
        verdicts.append(verdict)
        signers.append(signer)
        if signed_at is not None:
            times.append(signed_at)
        lines.append(
            LINE_SIGNATURE.format(
                index=index,
                signer=signer,
                time=LINE_TIME.format(time=_local(signed_at)) if signed_at else "",
                integrity=integrity,
                trust=trust,
            ).strip()
        )
        records.append({"status": verdict, "signer": signer, "signed_at": signed_at.isoformat() if signed_at else None})

    # The document is only as good as its weakest signature.
    overall = max(verdicts, key=WEAKNESS.index)
    return SignatureCheck(
        status=overall,
        signer="; ".join(dict.fromkeys(signers))[:255],
        # The latest signature is the one that made the document what it is now (the issuing body signs
        # last, after the drafter).
        signed_at=max(times) if times else None,
        detail="\n".join(lines),
        signatures=records,
    )


def _outside_any_event_loop(function: Callable[..., Any], *args: Any) -> Any:
    """pyHanko's synchronous API calls asyncio.run(), which refuses to start inside a running event loop (an
    async view, a test driving a browser): there, run it in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args).result()


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"
