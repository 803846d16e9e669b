"""What is wrong with a criteria-set file, said in Vietnamese with where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SetProblem:
    where: str  # "Tiêu chí “1.2”", "Khóa “bands”", "Tệp" …
    message: str
    line: int | None = None
    code: str | None = None  # the node's code when the problem is about a node

    def __str__(self) -> str:
        line = f" (dòng {self.line})" if self.line is not None else ""
        return f"{self.where}{line}: {self.message}"


class CriteriaSetError(Exception):
    """A criteria-set file that cannot be used; holds every problem found, in file order."""

    def __init__(self, problems: list[SetProblem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        header = f"{source}: " if source else ""
        super().__init__(header + "; ".join(str(problem) for problem in problems))
