/* nostrings report: filters and finding navigation. Runs from disk, needs no server and
   fetches nothing. The Content-Security-Policy of the page allows this script only (by its
   hash), never one that came with the copy. Without scripting the report is complete: the
   filter bar stays hidden and every finding is shown. */
(function () {
  "use strict";
  var d = document;
  var bar = d.getElementById("filters");
  if (!bar) { return; }
  var all = function (sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); };
  var rank = { info: 0, warning: 1, error: 2 };

  // One record per finding, read from its note.
  var info = {};
  all(".note[data-fid]").forEach(function (n) {
    info[n.getAttribute("data-fid")] = {
      sev: n.getAttribute("data-severity"),
      rule: n.getAttribute("data-rule"),
      doc: n.getAttribute("data-doc")
    };
  });
  var total = Object.keys(info).length;
  var sevBoxes = all("input[name=severity]", bar);
  var ruleBoxes = all("input[name=rule]", bar);
  var docSelect = d.getElementById("doc-filter");
  var onlyFlagged = d.getElementById("only-flagged");
  var status = d.getElementById("filter-status");
  var rulesCount = d.getElementById("rules-count");

  function checkedValues(boxes) {
    var out = {};
    boxes.forEach(function (b) { if (b.checked) { out[b.value] = true; } });
    return out;
  }

  // Everything apply() touches, found once: a report over thousands of documents must still
  // filter at once.
  var fidEls = all("[data-fid]").map(function (el) { return [el, el.getAttribute("data-fid")]; });
  var marks = all("mark.hl[data-f]").map(function (m) { return [m, m.getAttribute("data-f").split(" ")]; });
  var asides = all(".notes").map(function (a) { return [a, all(".note", a)]; });
  var docRows = {};
  all("[data-doc-row]").forEach(function (row) {
    var id = row.getAttribute("data-doc-row");
    (docRows[id] = docRows[id] || []).push(row);
  });
  var articles = all("article.doc[data-doc]").map(function (a) { return [a, a.getAttribute("data-doc")]; });
  var ruleRows = all("[data-rule-row]").map(function (r) { return [r, r.getAttribute("data-rule-row")]; });

  function apply() {
    var sevs = checkedValues(sevBoxes);
    var rules = checkedValues(ruleBoxes);
    var docId = docSelect.value;
    var shown = {};
    var count = 0;
    var perDoc = {};
    Object.keys(info).forEach(function (fid) {
      var f = info[fid];
      var on = !!sevs[f.sev] && !!rules[f.rule] && (!docId || docId === f.doc);
      shown[fid] = on;
      if (on) { count += 1; perDoc[f.doc] = (perDoc[f.doc] || 0) + 1; }
    });
    // Notes, footnote references and rows of the findings table.
    fidEls.forEach(function (p) { p[0].hidden = !shown[p[1]]; });
    // Highlights: a segment stays marked while any finding covering it is shown, coloured by
    // the most severe of those.
    marks.forEach(function (p) {
      var m = p[0];
      var on = p[1].filter(function (fid) { return shown[fid]; });
      m.classList.toggle("off", on.length === 0);
      m.classList.toggle("multi", on.length > 1);
      if (on.length) {
        var top = on.reduce(function (a, b) { return rank[info[a].sev] >= rank[info[b].sev] ? a : b; });
        ["error", "warning", "info"].forEach(function (s) { m.classList.toggle("sev-" + s, s === info[top].sev); });
      }
    });
    asides.forEach(function (p) {
      p[0].hidden = p[1].every(function (n) { return n.hidden; });
    });
    var docsShown = 0;
    articles.forEach(function (p) {
      var id = p[1];
      var hide = !!((docId && docId !== id) || (onlyFlagged.checked && !perDoc[id]));
      p[0].hidden = hide;
      if (!hide) { docsShown += 1; }
      (docRows[id] || []).forEach(function (row) { row.hidden = hide; });
    });
    ruleRows.forEach(function (p) { p[0].hidden = !rules[p[1]]; });
    var nRules = Object.keys(rules).length;
    rulesCount.textContent = nRules + " of " + ruleBoxes.length;
    var docs = docsShown + " document" + (docsShown === 1 ? "" : "s") + ".";
    status.textContent = count === total
      ? "Showing all " + total + " findings in " + docs
      : "Showing " + count + " of " + total + " findings in " + docs;
  }

  function setAll(boxes, value) { boxes.forEach(function (b) { b.checked = value; }); apply(); }

  bar.addEventListener("change", apply);
  d.getElementById("rules-all").addEventListener("click", function () { setAll(ruleBoxes, true); });
  d.getElementById("rules-none").addEventListener("click", function () { setAll(ruleBoxes, false); });
  d.getElementById("reset-filters").addEventListener("click", function () {
    sevBoxes.concat(ruleBoxes).forEach(function (b) { b.checked = true; });
    docSelect.value = "";
    onlyFlagged.checked = false;
    apply();
  });

  // Going to a finding (from the summary, a footnote or a note) marks every segment of it and
  // its note, and makes sure filters do not hide what was asked for.
  function current() {
    all(".current").forEach(function (el) { el.classList.remove("current"); });
    var m = /^#(?:f|note)-(\d+)$/.exec(window.location.hash);
    if (!m || !info[m[1]]) { return; }
    var fid = m[1];
    var target = d.getElementById(window.location.hash.slice(1));
    var art = target && target.closest("article.doc");
    if (target && (target.closest("[hidden]") || (art && art.hidden))) {
      // The finding was filtered out: show everything again rather than jump to nothing.
      sevBoxes.concat(ruleBoxes).forEach(function (b) { b.checked = true; });
      docSelect.value = "";
      onlyFlagged.checked = false;
      apply();
      target.scrollIntoView();
    }
    all("mark.hl[data-f]").forEach(function (mk) {
      if (mk.getAttribute("data-f").split(" ").indexOf(fid) !== -1) { mk.classList.add("current"); }
    });
    var note = d.getElementById("note-" + fid);
    if (note) { note.classList.add("current"); }
  }
  window.addEventListener("hashchange", current);

  // Clicking highlighted copy opens its note (keyboard users have the numbered references).
  d.addEventListener("click", function (ev) {
    var mk = ev.target.closest && ev.target.closest("mark.hl[data-f]");
    if (!mk || mk.classList.contains("off")) { return; }
    var first = mk.getAttribute("data-f").split(" ").filter(function (fid) {
      var n = d.getElementById("note-" + fid);
      return n && !n.hidden;
    })[0];
    if (first) { window.location.hash = "note-" + first; }
  });

  // Closing the rules pop-over with Escape returns focus to its button.
  var details = bar.querySelector("details.rules-filter");
  if (details) {
    details.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  }

  // Print every note whole: open the "Sources" sections before printing, restore after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = all("details.more:not([open])");
    opened.forEach(function (x) { x.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (x) { x.open = false; });
    opened = [];
  });

  // Anchors scroll to just below the sticky filter bar, whatever its height.
  function barHeight() {
    d.documentElement.style.setProperty("--bar-h", bar.offsetHeight + "px");
  }
  window.addEventListener("resize", barHeight);

  bar.hidden = false;
  barHeight();
  apply();
  current();
}());
