/*
 * Autosave of the self-assessment screen (templates: assessments/self_assessment.html).
 *
 * Promise to the user: nothing typed is lost, and nobody's answer is silently overwritten.
 * - Every edit is written to localStorage first, then sent. It leaves localStorage only when the server
 *   confirms it (200). A failed request (offline, timeout, 5xx) is retried with back-off and as soon as the
 *   browser is online again; after a reload, edits never confirmed are put back into the form and sent.
 * - Each save carries the version the user last saw. If someone saved in between, the server answers 409
 *   with their answer, and the user chooses: keep mine (sent again on their version) or take theirs.
 * - A value the rule refuses (422) stays in the form with the server's Vietnamese message; it is not retried.
 * No inline script anywhere (CSP): this file is loaded with `defer`.
 */
(function () {
  "use strict";

  var root = document.getElementById("pi-assessment");
  if (!root || root.dataset.editable !== "1") {
    return;
  }
  var assessment = root.dataset.assessment;
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  // One store per screen (self-assessment, appraisal, explanation): the same leaf is a different answer on each.
  var storageKey = "parindex:autosave:" + (root.dataset.scope || "self") + ":" + assessment;
  var TEXT_DELAY = 900;
  var MAX_BACKOFF = 60000;

  var MESSAGES = {
    saving: "Đang lưu…",
    saved: "Đã lưu",
    offline: "Chưa lưu được (mất kết nối) — sẽ tự thử lại",
    error: "Chưa lưu được — sẽ tự thử lại",
    refused: "Chưa lưu: ",
    restored: "Đã khôi phục thay đổi chưa lưu từ lần trước, đang gửi lại…",
    pending: function (n) { return "Còn " + n + " thay đổi chưa lưu — sẽ tự thử lại"; },
    allSaved: "Mọi thay đổi đã được lưu",
    leave: "Còn thay đổi chưa lưu. Rời trang vẫn giữ chúng trên máy này và sẽ gửi lại khi bạn mở lại trang."
  };

  // -- the local copy of unconfirmed edits --------------------------------------------------------------
  function loadPending() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "{}");
    } catch (e) {
      return {};
    }
  }
  function savePending(pending) {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(pending));
    } catch (e) {
      /* private mode or full storage: the in-memory queue still retries */
    }
  }
  var pending = loadPending();

  function fieldsOf(form) {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      data[name] = value;
    });
    return data;
  }

  function applyFields(form, data) {
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name === "version") {
        return;
      }
      if (element.type === "radio") {
        element.checked = data[element.name] === element.value;
      } else if (element.type === "checkbox") {
        element.checked = Boolean(data[element.name]);
      } else {
        element.value = data[element.name] || "";
      }
    });
  }

  // -- what the user sees ----------------------------------------------------------------------------
  function setState(form, text, kind) {
    var state = form.querySelector("[data-save-state]");
    if (state) {
      state.textContent = text;
      state.className = "small " + ({ ok: "text-success", bad: "text-danger", wait: "text-secondary" }[kind] || "");
    }
  }

  function updateSummary() {
    var summary = document.querySelector("[data-save-summary]");
    var count = Object.keys(pending).length;
    if (summary) {
      summary.textContent = count ? MESSAGES.pending(count) : MESSAGES.allSaved;
      summary.className = "small mb-2 " + (count ? "text-danger" : "text-success");
    }
  }

  function showProgress(progress) {
    if (!progress) {
      return;
    }
    ["answered", "total", "points", "index"].forEach(function (key) {
      var element = document.querySelector('[data-progress="' + key + '"]');
      if (element) {
        element.textContent = progress[key];
      }
    });
    var evidence = document.querySelector('[data-progress="without_evidence_count"]');
    if (evidence) {
      evidence.textContent = progress.without_evidence.length;
    }
    var list = document.querySelector('[data-progress="unanswered"]');
    if (list) {
      list.textContent = "";
      if (!progress.unanswered.length) {
        var done = document.createElement("li");
        done.textContent = "Đã trả lời đủ.";
        list.appendChild(done);
      }
      progress.unanswered.forEach(function (code) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#tc-" + code;
        link.textContent = code;
        item.appendChild(link);
        list.appendChild(item);
      });
    }
  }

  function showResult(form, body) {
    var points = form.querySelector("[data-points]");
    var explanation = form.querySelector("[data-explanation]");
    if (points) {
      points.textContent = body.points ? body.points + " điểm" : "";
    }
    if (explanation) {
      explanation.textContent = body.explanation || "";
    }
  }

  // -- sending -----------------------------------------------------------------------------------------
  var timers = {};
  var backoff = {};
  var inFlight = {};
  // Saves of different leaves travel at once and may come back in any order: the progress panel shows the
  // answer to the save sent last, never an older count arriving late.
  var sentCount = 0;
  var progressShownFor = 0;

  function formFor(code) {
    return document.querySelector('form[data-autosave][data-code="' + code.replace(/"/g, "") + '"]');
  }

  function queue(form) {
    var code = form.dataset.code;
    pending[code] = { fields: fieldsOf(form), version: form.elements.version.value };
    savePending(pending);
    updateSummary();
    send(code);
  }

  function retryLater(code) {
    var delay = Math.min((backoff[code] || 1000) * 2, MAX_BACKOFF);
    backoff[code] = delay;
    clearTimeout(timers[code]);
    timers[code] = setTimeout(function () { send(code); }, delay);
  }

  function send(code) {
    var entry = pending[code];
    var form = formFor(code);
    if (!entry || !form) {
      return;
    }
    if (inFlight[code]) {
      inFlight[code].again = true; // an edit arrived while saving: send the newest once this one returns
      return;
    }
    var body = new FormData();
    Object.keys(entry.fields).forEach(function (name) {
      body.append(name, entry.fields[name]);
    });
    body.set("version", entry.version || "");
    inFlight[code] = { again: false };
    var sequence = ++sentCount;
    setState(form, MESSAGES.saving, "wait");
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = setTimeout(function () { if (controller) { controller.abort(); } }, 20000);
    fetch(form.dataset.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        return response.json().then(
          function (json) { return { status: response.status, json: json }; },
          function () { return { status: response.status, json: null }; }
        );
      })
      .then(function (result) {
        clearTimeout(timeout);
        var again = inFlight[code] && inFlight[code].again;
        delete inFlight[code];
        handle(code, form, entry, result, sequence);
        if (again && pending[code]) {
          pending[code].version = form.elements.version.value;
          send(code);
        }
      })
      .catch(function () {
        clearTimeout(timeout);
        delete inFlight[code];
        setState(form, navigator.onLine === false ? MESSAGES.offline : MESSAGES.error, "bad");
        retryLater(code);
      });
  }

  function handle(code, form, entry, result, sequence) {
    if (result.status === 200 && result.json && result.json.status === "saved") {
      form.elements.version.value = result.json.version;
      // Confirmed: forget the local copy, unless the user typed more while it travelled.
      if (pending[code] && JSON.stringify(pending[code].fields) === JSON.stringify(entry.fields)) {
        delete pending[code];
      } else if (pending[code]) {
        pending[code].version = String(result.json.version);
      }
      savePending(pending);
      backoff[code] = 0;
      setState(form, MESSAGES.saved, "ok");
      showResult(form, result.json);
      if (sequence >= progressShownFor) {
        progressShownFor = sequence;
        showProgress(result.json.progress);
      }
    } else if (result.status === 409 && result.json) {
      showConflict(form, result.json);
      setState(form, "", "");
    } else if (result.status === 422 && result.json) {
      pending[code].refused = true;
      savePending(pending);
      setState(form, MESSAGES.refused + result.json.message, "bad");
    } else if (result.status === 403 || result.status === 404) {
      setState(form, (result.json && result.json.message) || "Không lưu được: trang đã hết hiệu lực, hãy tải lại trang.", "bad");
    } else {
      setState(form, MESSAGES.error, "bad");
      retryLater(code);
    }
    updateSummary();
  }

  // -- two people on one leaf ---------------------------------------------------------------------------
  function showConflict(form, body) {
    var box = form.querySelector("[data-conflict]");
    if (!box) {
      return;
    }
    box.hidden = false;
    box.querySelector("[data-conflict-message]").textContent = body.message;
    box.querySelector("[data-conflict-answer]").textContent =
      (body.current.raw || "(để trống)") + (body.current.note ? " — " + body.current.note : "");
    box.dataset.version = body.current.version;
    box.dataset.raw = body.current.raw;
    box.dataset.note = body.current.note;
  }

  function keepMine(form) {
    var box = form.querySelector("[data-conflict]");
    form.elements.version.value = box.dataset.version;
    box.hidden = true;
    queue(form);
  }

  function takeTheirs(form) {
    var box = form.querySelector("[data-conflict]");
    // Their text goes back into the form through a save on the server's terms: reload this leaf's answer.
    form.elements.version.value = box.dataset.version;
    delete pending[form.dataset.code];
    savePending(pending);
    box.hidden = true;
    updateSummary();
    window.location.reload();
  }

  // -- wiring ------------------------------------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      queue(form);
    });
    form.addEventListener("change", function () {
      clearTimeout(timers["t" + form.dataset.code]);
      queue(form);
    });
    form.addEventListener("input", function (event) {
      if (event.target.type === "text" || event.target.tagName === "TEXTAREA") {
        clearTimeout(timers["t" + form.dataset.code]);
        timers["t" + form.dataset.code] = setTimeout(function () { queue(form); }, TEXT_DELAY);
      }
    });
    var keep = form.querySelector("[data-keep-mine]");
    var take = form.querySelector("[data-take-theirs]");
    if (keep) { keep.addEventListener("click", function () { keepMine(form); }); }
    if (take) { take.addEventListener("click", function () { takeTheirs(form); }); }
  });

  // Edits that never reached the server (closed tab, lost connection): put them back and send them.
  Object.keys(pending).forEach(function (code) {
    var form = formFor(code);
    if (!form) {
      delete pending[code];
      return;
    }
    applyFields(form, pending[code].fields);
    setState(form, MESSAGES.restored, "wait");
    if (!pending[code].refused) {
      send(code);
    }
  });
  savePending(pending);
  updateSummary();

  window.addEventListener("online", function () {
    Object.keys(pending).forEach(function (code) {
      if (!pending[code].refused) {
        backoff[code] = 0;
        send(code);
      }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(pending).length) {
      event.preventDefault();
      event.returnValue = MESSAGES.leave;
      return MESSAGES.leave;
    }
    return undefined;
  });
})();
