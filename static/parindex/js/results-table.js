// Ranked table (council/results.html): sort by a column and filter by name and band, in the browser.
//
// Each sortable <th data-sort> gets a button (keyboard: Tab, then Enter or Space); a second press reverses the
// order; aria-sort says the current one. Cells carry their value in data-value: full-precision numbers, and
// for names the unit's place in Vietnamese alphabetical order computed by the server (parindex.vn.sort_key),
// since the browser's own collation puts Đ, Ư, Ơ in the wrong places. Empty values go last either way.
// The filter form is hidden in the HTML and shown here: without this script the table keeps the server's order.
"use strict";

(() => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();

  const cellValue = (row, column) => {
    const cell = row.cells[column];
    const raw = cell ? cell.dataset.value : "";
    return raw === undefined || raw === "" ? null : Number(raw);
  };

  const setUpSorting = (table) => {
    const body = table.tBodies[0];
    const headers = [...table.tHead.rows[0].cells];
    const original = [...body.rows];
    headers.forEach((th, column) => {
      if (th.dataset.sort === undefined) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-link btn-sm p-0 text-reset fw-bold text-decoration-none pi-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      const arrow = document.createElement("i");
      arrow.className = "bi bi-arrow-down-up ms-1 small";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach((other) => {
          other.removeAttribute("aria-sort");
          const icon = other.querySelector(".pi-sort .bi");
          if (icon) icon.className = "bi bi-arrow-down-up ms-1 small";
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        arrow.className = `bi ${ascending ? "bi-sort-down-alt" : "bi-sort-up"} ms-1 small`;
        const rows = [...original].sort((a, b) => {
          const x = cellValue(a, column);
          const y = cellValue(b, column);
          if (x === null || y === null) return (x === null) - (y === null);
          if (x === y) return original.indexOf(a) - original.indexOf(b); // stable: the council's order
          return ascending ? x - y : y - x;
        });
        body.append(...rows);
      });
    });
    const hint = table.querySelector("[data-sort-hint]");
    if (hint) hint.classList.remove("d-none");
  };

  const setUpFilter = (form, table) => {
    const text = form.querySelector("[data-filter-text]");
    const band = form.querySelector("[data-filter-band]");
    const status = form.querySelector("[data-filter-status]");
    const rows = [...table.tBodies[0].rows];
    const total = rows.length;
    const apply = () => {
      const wanted = fold(text.value);
      let shown = 0;
      rows.forEach((row) => {
        const visible = fold(row.dataset.name || "").includes(wanted) && (!band.value || row.dataset.band === band.value);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown === total ? "" : `Đang hiển thị ${shown}/${total} đơn vị`;
    };
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", () => setTimeout(apply, 0));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("table[data-sortable]").forEach(setUpSorting);
    document.querySelectorAll("form[data-results-filter]").forEach((form) => {
      const table = document.getElementById(form.dataset.resultsFilter);
      if (table) setUpFilter(form, table);
    });
  });
})();
