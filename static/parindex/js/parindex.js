// parindex: small page behaviours. The CSP forbids inline scripts and on* attributes, so they live here.
"use strict";

// <button data-confirm="Xóa bản nháp này?"> asks before submitting its form or following its link.
document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-confirm]");
  if (trigger && !window.confirm(trigger.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
});
