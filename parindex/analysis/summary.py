"""The generated summary of findings, in Vietnamese, that Sở Nội vụ edits into the council report.

Written from `Findings` only, with the figures as published (the set's rounding, "86,92"), so every number in
the text is one the council's table and the analysis page show.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from parindex.analysis.selectors import Findings
from parindex.vn import format_decimal

TOP = 3  # criteria and units named in each sentence: a summary, not the table


def _and(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


def generated_summary(found: Findings) -> str:
    rounding = found.rounding

    def fig(value: Decimal | None) -> str:
        return "—" if value is None else format_decimal(rounding.apply(value), places=rounding.places)

    year, group = found.period.year, found.group.name
    if not found.ranked:
        return f"Năm {year}, nhóm {group} chưa có đơn vị nào thẩm định xong; chưa có số liệu để nhận định."
    paragraphs = []

    status = "số liệu đã được Hội đồng thông qua" if found.frozen else "số liệu tạm tính, chưa được Hội đồng thông qua"
    waiting = f"; còn {found.not_ready} đơn vị chưa thẩm định xong" if found.not_ready else ""
    paragraphs.append(
        f"Năm {year}, nhóm {group} có {len(found.ranked)} đơn vị được xếp hạng{waiting} ({status}). "
        f"Chỉ số CCHC trung bình của nhóm đạt {fig(found.average_index)}%, "
        f"điểm trung bình {fig(found.average_points)} điểm."
    )

    units = [f"Đơn vị có chỉ số cao nhất: {_and([f'{u.unit_name} ({fig(u.index)}%)' for u in found.best_units])}."]
    if found.weakest_units:
        weakest = _and([f"{u.unit_name} ({fig(u.index)}%)" for u in found.weakest_units])
        units.append(f"Thấp nhất: {weakest}.")
    bands = [f"{band.name} {band.count} đơn vị" for band in found.bands if band.count]
    if bands:
        units.append(f"Xếp loại: {'; '.join(bands)}.")
    paragraphs.append(" ".join(units))

    best, weakest_field = found.best_field, found.weakest_field
    if best is not None:
        fields = f"Lĩnh vực có chỉ số thành phần trung bình cao nhất: {best.title} ({fig(best.average_index)}%)"
        if weakest_field is not None and weakest_field.code != best.code:
            fields += f"; thấp nhất: {weakest_field.title} ({fig(weakest_field.average_index)}%)"
        paragraphs.append(fields + ".")

    criteria = found.weakest_criteria
    if criteria:
        lost = [
            f"{c.code} “{c.title}” (mất {fig(c.points_lost)} điểm, {c.units_losing_count}/{c.units_applicable} đơn vị)"
            for c in criteria[:TOP]
        ]
        sentence = f"Các tiêu chí bị mất nhiều điểm nhất: {'; '.join(lost)}."
        often = sorted(criteria, key=lambda c: -c.units_losing_count)[:TOP]
        if [c.code for c in often] != [c.code for c in criteria[:TOP]]:
            named = [f"{c.code} ({c.units_losing_count} đơn vị)" for c in often]
            sentence += f" Nhiều đơn vị bị mất điểm nhất ở các tiêu chí: {'; '.join(named)}."
        paragraphs.append(sentence)
    else:
        paragraphs.append("Không đơn vị nào bị mất điểm ở tiêu chí nào.")

    gaps = found.biggest_gaps
    if gaps:
        named = [f"{u.unit_name} (tự chấm cao hơn {fig(u.gap)} điểm)" for u in gaps[:TOP]]
        paragraphs.append(f"Chênh lệch lớn nhất giữa điểm tự chấm và điểm thẩm định: {'; '.join(named)}.")
    else:
        paragraphs.append("Không đơn vị nào tự chấm cao hơn kết quả thẩm định.")
    return "\n\n".join(paragraphs)
