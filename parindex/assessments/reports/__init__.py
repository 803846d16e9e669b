"""The self-assessment report (báo cáo kết quả tự đánh giá) that the unit head signs, and its signed copy.

`content.self_assessment_report` reads everything once into plain data; `pdf` and `xlsx` only lay that data
out, so the two files can never disagree on a number. `services.assessment_attach_signed_report` links the
signed copy the head uploads to the assessment.
"""
