"""parindex: scoring the Administrative Reform Index (Chỉ số CCHC) of a Vietnamese province."""
