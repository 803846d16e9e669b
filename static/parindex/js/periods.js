// Period page: "Chọn tất cả" ticks every unit of its group. <input data-select-all="nhom-3"> drives the
// <input data-select-group="nhom-3"> boxes, and shows itself half-ticked when only some of them are.
"use strict";

(() => {
  const members = (group) => [...document.querySelectorAll(`input[data-select-group="${CSS.escape(group)}"]`)];

  const sync = (group) => {
    const all = document.querySelector(`input[data-select-all="${CSS.escape(group)}"]`);
    if (!all) return;
    const boxes = members(group);
    const ticked = boxes.filter((box) => box.checked).length;
    all.checked = boxes.length > 0 && ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  };

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    if (box.dataset.selectAll) {
      members(box.dataset.selectAll).forEach((member) => { member.checked = box.checked; });
      box.indeterminate = false;
    } else if (box.dataset.selectGroup) {
      sync(box.dataset.selectGroup);
    }
  });

  // The browser may restore ticks on "back": show the group boxes accordingly.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("input[data-select-all]").forEach((all) => sync(all.dataset.selectAll));
  });
})();
