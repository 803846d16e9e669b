"""The generated summary names the group average, the best and weakest units and fields, the criteria most
often failed and the biggest self-vs-appraised gaps, with the figures as published."""

from parindex.analysis.selectors import findings, summary_text
from parindex.analysis.summary import generated_summary


def test_the_summary_states_the_main_findings_with_published_figures(approved):
    text = generated_summary(findings(approved.period, approved.group))
    for expected in (
        "nhóm Sở, ban, ngành có 4 đơn vị được xếp hạng",
        "đã được Hội đồng thông qua",
        "Chỉ số CCHC trung bình của nhóm đạt 83,25%",
        "cao nhất: Sở Tư pháp (93,89%)",
        "Thấp nhất: Sở Y tế (76,11%)",
        "Tốt 1 đơn vị; Khá 2 đơn vị; Trung bình 1 đơn vị",
        "cao nhất: Công tác chỉ đạo, điều hành CCHC (89,06%)",
        "thấp nhất: Cải cách thủ tục hành chính (77,25%)",
        "2.2 “Hài lòng của người dân” (mất 5,10 điểm, 4/4 đơn vị)",
        "Sở Y tế (tự chấm cao hơn 1,50 điểm)",
    ):
        assert expected in text


def test_before_approval_the_summary_says_the_figures_are_provisional(appraised):
    assert "số liệu tạm tính" in summary_text(appraised.period, appraised.group)


def test_with_nothing_appraised_the_summary_says_so(scenario):
    assert "chưa có đơn vị nào thẩm định xong" in summary_text(scenario.period, scenario.group)
