"""Official outputs (issue 4): the results workbook, each unit's scoring sheet, the council report and the
decision annex, and the background jobs that make the long ones."""
