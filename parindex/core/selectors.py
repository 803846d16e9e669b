"""What the home page offers each role. A task is shown as a link only when its URL exists and the user can
open it, so the page never holds a dead link while the apps behind it are still being built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from parindex.accounts.models import Role


@dataclass(frozen=True)
class Task:
    label: str
    url_name: str | None = None
    staff_only: bool = False  # the Django admin lets in only is_staff accounts


@dataclass(frozen=True)
class HomeTask:
    label: str
    url: str | None


# URL names of apps still being written are listed here on purpose: their links appear once they exist.
ROLE_TASKS: dict[str, tuple[Task, ...]] = {
    Role.ORGANIZER: (
        Task("Quản lý bộ tiêu chí: tải lên, xem, nhân bản, ban hành, so sánh", "criteria:list"),
        Task("Danh sách đơn vị được đánh giá; nhập đơn vị từ Excel", "organization:unit_list"),
        Task("Danh sách người dùng; nhập người dùng từ Excel", "users:user_list"),
        Task("Lập kế hoạch và mở kỳ đánh giá", "periods:list"),
        Task("Phân công thành viên Tổ thẩm định", "periods:list"),
        Task("Theo dõi tiến độ tự đánh giá và thẩm định của các đơn vị", "periods:progress_index"),
        Task("Nhập và theo dõi các chỉ số của tỉnh: PAR INDEX, SIPAS, PAPI, PCI", "indices:index"),
        Task("Thẩm định, nhập điểm khảo sát và nhiệm vụ UBND tỉnh giao", "appraisals:queue"),
        Task("Chuẩn bị hồ sơ trình Hội đồng, công bố kết quả", "council:index"),
        Task("Xuất bảng tổng hợp kết quả (Excel), báo cáo trình Hội đồng và phụ lục Quyết định (PDF)", "reports:index"),
        Task("Phân tích kết quả, nhận định trình Hội đồng", "analysis:index"),
    ),
    Role.UNIT_OFFICER: (
        Task("Xem bộ tiêu chí đánh giá", "criteria:list"),
        Task("Nhập kết quả tự đánh giá của đơn vị", "assessments:list"),
        Task("Tải lên tài liệu kiểm chứng", "assessments:list"),
        Task("Giải trình, bổ sung theo yêu cầu của Tổ thẩm định", "assessments:list"),
        Task("Xem kết quả của đơn vị và kết quả đã công bố", "council:index"),
        Task("Xem các chỉ số của tỉnh và thành phần đơn vị chịu trách nhiệm", "indices:index"),
    ),
    Role.UNIT_HEAD: (
        Task("Xem bộ tiêu chí đánh giá", "criteria:list"),
        Task("Xem và chốt kết quả tự đánh giá của đơn vị", "assessments:list"),
        Task("Theo dõi kết quả thẩm định của đơn vị", "assessments:list"),
        Task("Xem kết quả của đơn vị và kết quả đã công bố", "council:index"),
        Task("Xem các chỉ số của tỉnh và thành phần đơn vị chịu trách nhiệm", "indices:index"),
    ),
    Role.APPRAISER: (
        Task("Xem bộ tiêu chí đánh giá", "criteria:list"),
        Task("Thẩm định các lĩnh vực được phân công", "appraisals:queue"),
        Task("Yêu cầu đơn vị giải trình, bổ sung tài liệu", "appraisals:queue"),
        Task("Thẩm định lại sau giải trình", "appraisals:queue"),
        Task("Xem kết quả đã công bố", "council:index"),
    ),
    Role.COUNCIL: (
        Task("Xem bộ tiêu chí đánh giá", "criteria:list"),
        Task("Xem kết quả tổng hợp chỉ số CCHC", "council:index"),
        Task("Phân tích kết quả: điểm yếu, chênh lệch tự chấm, xu hướng", "analysis:index"),
        Task("Cho ý kiến và thông qua kết quả", "council:index"),
        Task("Tải bảng tổng hợp kết quả, báo cáo trình Hội đồng và phụ lục Quyết định", "reports:index"),
        Task("Theo dõi tiến độ đánh giá của các đơn vị", "periods:progress_index"),
        Task("Xem các chỉ số của tỉnh: PAR INDEX, SIPAS, PAPI, PCI", "indices:index"),
    ),
    Role.ADMIN: (
        Task("Danh sách đơn vị được đánh giá; nhập đơn vị từ Excel", "organization:unit_list"),
        Task("Danh sách người dùng; nhập người dùng từ Excel", "users:user_list"),
        Task("Quản lý người dùng, đơn vị và nhóm đơn vị", "admin:index", staff_only=True),
        Task("Xem nhật ký hệ thống", "admin:audit_auditevent_changelist", staff_only=True),
    ),
}
EVERYONE_TASKS: tuple[Task, ...] = (
    Task("Cổng công khai kết quả Chỉ số CCHC (không cần đăng nhập)", "portal:index"),
    Task("Đổi mật khẩu", "password_change"),
)


def _url_for(task: Task, user: Any) -> str | None:
    if task.url_name is None or (task.staff_only and not user.is_staff):
        return None
    try:
        return reverse(task.url_name)
    except NoReverseMatch:
        return None


def home_tasks_for(user: Any) -> list[HomeTask]:
    tasks = ROLE_TASKS.get(user.role, ()) + EVERYONE_TASKS
    return [HomeTask(label=task.label, url=_url_for(task, user)) for task in tasks]
