(function () {
  "use strict";
  // The review editor. Why it is built this way: a book chapter has 10,000 links, and a person reviews with
  // the keyboard, pressing a key several times a second. So (1) only the rows in and near the visible part of
  // the list are in the page (a virtual list; the rest is two spacers of the right height), (2) an operation
  // redraws only the rows whose link it changed (the server sends only the blocks that changed), and
  // (3) a confirm is drawn at once and saved behind it; a refused save puts the file's state back.
  var token = new URLSearchParams(location.search).get("token") || "";
  var $ = function (id) { return document.getElementById(id); };
  var viewport = $("viewport"), list = $("links"), msg = $("message"), keysDialog = $("keys"), whereEl = $("where");
  var OVERSCAN = 500;  // px of rows drawn above and below the visible part
  var FLAG_HELP = {
    repetition: "the machine translation repeats words or phrases",
    empty: "the machine translation came back empty",
    too_short: "the translation is much shorter than the source",
    too_long: "the translation is much longer than the source",
    untranslated: "the translation copies the source",
    numbers_missing: "a number of the source is missing in the translation",
    truncated: "the translation stops before the end",
    retried: "translated a second time with safer decoding",
    qe_low: "the quality estimate says this translation likely means something else than its source",
    omission: "the translation is much shorter than its source: part of it may be left out",
  };

  // ------------------------------------------------------------------ state
  var meta = null;                 // version, can_undo, can_redo, labels, file names, languages
  var order = [];                  // ids of the blocks with links, in reading order
  var blocks = new Map();          // block id -> {id, kind, links}
  var rows = [];                   // every link: {b: block, i: index, l: link}
  var view = [];                   // row numbers the filter shows, in order
  var posOfRow = new Int32Array(0);// row number -> position in view, or -1
  var sel = null;                  // {block, index}
  var cursor = null;               // {sid, offset}: where "split" cuts, inside the selected link
  var editing = null;              // {block, index, side}
  var drafts = {};                 // sentence id -> text typed in the editor, kept across redraws
  var filter = {kind: "all", type: "", text: ""};
  var counts = {left: 0, confirmed: 0, edited: 0, total: 0, types: {}};

  // ------------------------------------------------------------------ layout of the virtual list
  var heightBySig = new Map();     // measured row heights, by what decides them (sentences, their lengths)
  var heights = new Float64Array(0), offsets = new Float64Array(1);
  var drawn = new Map();           // link object -> its row element, for the rows in the page
  var windowFirst = -1, windowLast = -2;
  var charsPerLine = 55, lineHeight = 22;
  var topPad = el("div", "pad"), bottomPad = el("div", "pad");
  topPad.setAttribute("aria-hidden", "true"); bottomPad.setAttribute("aria-hidden", "true");
  list.appendChild(topPad); list.appendChild(bottomPad);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;  // never innerHTML: every text is data
    return e;
  }
  function say(text, isError) { msg.textContent = text; msg.className = isError ? "error" : ""; }
  function label(bid, i) { return bid + "\u00b7" + (i + 1); }
  function shape(l) { return l._shape || (l._shape = l.src.length + ":" + l.tgt.length); }
  function unconfirmed(l) { return l.status === "auto" || l.status === "needs_review"; }

  function request(method, path, body) {
    var opts = {method: method, headers: {"X-Review-Token": token}};
    if (body) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || r.statusText); return data; });
    });
  }

  // ------------------------------------------------------------------ the model
  function loadFull(data) {
    blocks.clear(); order = [];
    data.blocks.forEach(function (b) { blocks.set(b.id, b); order.push(b.id); });
    drawn.forEach(function (e) { e.remove(); });
    drawn.clear();
  }

  function applyDelta(data) {
    data.changed.forEach(function (b) {
      var old = blocks.get(b.id);
      if (old) old.links.forEach(forget);
      blocks.set(b.id, b);
    });
    if (data.order) {
      var keep = new Set(data.order);
      blocks.forEach(function (b, id) { if (!keep.has(id)) { b.links.forEach(forget); blocks.delete(id); } });
      order = data.order;
    }
  }

  function forget(l) { var e = drawn.get(l); if (e) { e.remove(); drawn.delete(l); } }

  function rebuild() {
    rows = [];
    for (var k = 0; k < order.length; k++) {
      var b = blocks.get(order[k]);
      b.rowStart = rows.length;
      for (var i = 0; i < b.links.length; i++) rows.push({b: b, i: i, l: b.links[i]});
    }
    recount();
    refilter();
  }

  function recount() {
    var c = {left: 0, confirmed: 0, edited: 0, total: rows.length, types: {}};
    for (var n = 0; n < rows.length; n++) {
      var l = rows[n].l;
      if (l.review) c.left++;
      if (l.status === "confirmed") c.confirmed++;
      else if (l.status === "edited") c.edited++;
      var t = shape(l);
      c.types[t] = (c.types[t] || 0) + 1;
    }
    counts = c;
    var f = function (x) { return x.toLocaleString("en"); };
    $("counter").textContent = f(c.left) + " of " + f(c.total) + " links need review · " + f(c.confirmed) +
      " confirmed · " + f(c.edited) + " edited";
    drawTypes();
  }

  function drawTypes() {
    var box = $("types"), names = Object.keys(counts.types);
    names.sort(function (a, b) { return counts.types[b] - counts.types[a] || (a < b ? -1 : 1); });
    box.textContent = "";
    names.forEach(function (t) {
      var b = el("button", "", t + " " + counts.types[t].toLocaleString("en"));
      b.dataset.type = t; b.title = "Show only " + t + " links (again: show all)";
      b.setAttribute("aria-pressed", String(filter.type === t));
      box.appendChild(b);
    });
  }

  function hay(l) {
    if (l._hay === undefined) {
      l._hay = l.src.concat(l.tgt).map(function (s) { return s.id + " " + s.text; }).join("\n").toLowerCase();
    }
    return l._hay;
  }
  function matches(l) {
    if (filter.type && shape(l) !== filter.type) return false;
    switch (filter.kind) {
      case "review": if (!l.review) return false; break;
      case "odd": if (shape(l) === "1:1") return false; break;
      case "edited": if (l.status !== "edited") return false; break;
      case "unconfirmed": if (!unconfirmed(l)) return false; break;
      case "lowqe": if (l.qe === null || l.qe === undefined) return false; break;
    }
    return !filter.text || hay(l).indexOf(filter.text) >= 0;
  }

  function rowOf(bid, i) {  // the row number of link i of block bid, or undefined
    var b = blocks.get(bid);
    return b && b.rowStart !== undefined && i >= 0 && i < b.links.length ? b.rowStart + i : undefined;
  }
  function selRow() { return sel ? rowOf(sel.block, sel.index) : undefined; }
  function selPos() { var r = selRow(); return r === undefined ? -1 : posOfRow[r]; }

  function refilter() {
    var keep = selRow(), all = filter.kind === "all" && !filter.type && !filter.text;
    view = [];
    posOfRow = new Int32Array(rows.length).fill(-1);
    var pinned = false;
    for (var n = 0; n < rows.length; n++) {
      if (all || matches(rows[n].l)) { posOfRow[n] = view.length; view.push(n); }
      else if (n === keep) { posOfRow[n] = view.length; view.push(n); pinned = true; }  // never hide the selection
    }
    if (filter.kind === "lowqe") {  // worst estimate first; reading order among equals
      var q = function (n) { var v = rows[n].l.qe; return v === null || v === undefined ? -1 : v; };
      view.sort(function (a, b) { return q(b) - q(a) || a - b; });
      for (var k = 0; k < view.length; k++) posOfRow[view[k]] = k;
    }
    heights = new Float64Array(view.length);
    for (var p = 0; p < view.length; p++) heights[p] = rowHeight(rows[view[p]].l);
    sumOffsets();
    windowFirst = -1; windowLast = -2;
    $("shown").textContent = all ? "" : "showing " + (view.length - pinned).toLocaleString("en") + " of " +
      rows.length.toLocaleString("en") + (pinned ? " + selected" : "");
    $("shown").title = pinned ? "the selected link does not match the filter; it stays until you move on" : "";
  }

  function sig(l) {
    if (l._sig === undefined) {
      l._sig = l.src.concat(l.tgt).map(function (s) { return s.id + "=" + s.text.length; }).join(" ") + "|" + l.src.length;
    }
    return l._sig;
  }
  function estimate(l) {
    function side(items) {
      if (!items.length) return lineHeight;
      var h = 0;
      for (var k = 0; k < items.length; k++) h += Math.ceil((items[k].text.length + items[k].id.length + 1) / charsPerLine) * lineHeight + 5;
      return h;
    }
    return Math.max(side(l.src), side(l.tgt), 3 * 17) + 13;
  }
  function rowHeight(l) { return heightBySig.get(sig(l)) || estimate(l); }
  function sumOffsets() {
    offsets = new Float64Array(heights.length + 1);
    for (var p = 0; p < heights.length; p++) offsets[p + 1] = offsets[p] + heights[p];
    list.style.minHeight = offsets[heights.length] + "px";  // scrolling anywhere works before rows are drawn
  }
  function posAt(y) {  // the last position whose row starts at or above y
    var lo = 0, hi = view.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (offsets[mid] <= y) lo = mid; else hi = mid - 1; }
    return lo;
  }
  var listTopPx = -1;
  function listTop() { if (listTopPx < 0) listTopPx = list.offsetTop; return listTopPx; }
  function visibleTop() { return viewport.scrollTop; }  // in list coordinates: the sticky column heads cover listTop
  function visibleHeight() { return viewport.clientHeight - listTop(); }

  // ------------------------------------------------------------------ drawing
  function isSelected(r) { return !!sel && sel.block === r.b.id && sel.index === r.i; }

  function buildRow(r, p) {
    var l = r.l, isSel = isSelected(r);
    var e = el("div", "link " + l.status + (l.review ? " review" : "") + (r.i === 0 ? " first" : ""));
    e.setAttribute("role", "listitem");
    e.dataset.block = r.b.id; e.dataset.index = String(r.i);
    if (isSel) { e.classList.add("selected"); e.setAttribute("aria-current", "true"); }
    e.tabIndex = isSel ? 0 : -1;
    var lid = el("div", "lid", label(r.b.id, r.i));
    if (r.i === 0) lid.appendChild(el("span", "kind", r.b.kind.replace("_", " ")));
    var t = shape(l);
    lid.appendChild(el("span", "shape" + (t === "1:1" ? "" : " odd"), t));
    e.appendChild(lid);
    var src = el("div", "side src"), tgt = el("div", "side tgt");
    src.lang = meta.source_lang; tgt.lang = meta.target_lang;
    sentences(src, l.src, "src", isSel); sentences(tgt, l.tgt, "tgt", isSel);
    e.appendChild(src); e.appendChild(tgt);
    var m = el("div", "meta");
    m.appendChild(el("span", "badge " + l.status, l.status.replace("_", " ")));
    m.appendChild(el("div", "score", l.score === null ? "score –" : "score " + l.score.toFixed(2)));
    if (l.qe !== null && l.qe !== undefined) {
      var qe = el("div", "score", "QE " + l.qe.toFixed(2));
      qe.title = "estimated probability that the translation is wrong (bilingual qe): 0 = fine, 1 = surely wrong";
      m.appendChild(qe);
    }
    if (l.reasons && l.reasons.length) {  // why it needs review, each reason explained
      var why = el("div", "reasons", l.reasons.map(function (x) { return x.label; }).join(", "));
      why.title = "Needs review because:\n" + l.reasons.map(function (x) { return x.label + ": " + x.explanation; }).join("\n");
      m.appendChild(why);
    }
    var notes = l.notes ? l.notes : l.reasons ? [] : l.flags.map(function (x) {
      return {label: x.replace("_", " "), explanation: FLAG_HELP[x] || "flagged by a check"};
    });
    if (notes.length) {
      var f = el("div", "flags", notes.map(function (x) { return x.label; }).join(", "));
      f.title = (l.notes ? "For information (does not need review):\n" : "Quality flags:\n") +
        notes.map(function (x) { return x.label + ": " + x.explanation; }).join("\n");
      m.appendChild(f);
    }
    e.appendChild(m);
    return e;
  }

  function sentences(cell, items, side, isSel) {
    var isEditing = isSel && editing && editing.side === side;
    if (!items.length) {
      cell.appendChild(el("span", "empty", side === "src" ? "no source sentence" : "no translation"));
      return;
    }
    items.forEach(function (s) {
      if (isEditing) {
        var ta = el("textarea");
        ta.value = drafts[s.id] !== undefined ? drafts[s.id] : s.text;
        ta.dataset.sid = s.id; ta.dataset.original = s.text;
        ta.rows = Math.max(2, Math.ceil(s.text.length / 55)); ta.setAttribute("aria-label", "Text of " + s.id);
        cell.appendChild(ta);
        return;
      }
      var span = el("span", "sent");
      span.dataset.sid = s.id;
      span.appendChild(el("span", "sid", s.id));
      var txt = el("span", "txt");
      if (isSel && cursor && cursor.sid === s.id) {
        txt.appendChild(document.createTextNode(s.text.slice(0, cursor.offset)));
        var c = el("span", "caret"); c.setAttribute("aria-label", "cursor"); c.title = "the split cursor (S splits here)";
        txt.appendChild(c);
        txt.appendChild(document.createTextNode(s.text.slice(cursor.offset)));
      } else {
        txt.textContent = s.text;
      }
      span.appendChild(txt);
      cell.appendChild(span);
    });
    if (isEditing) {
      var bar = el("div", "editbar");
      [["saveEdit", "Save (Ctrl+Enter)"], ["splitCaret", "Split at the caret (Alt+Enter)"], ["cancelEdit", "Cancel (Esc)"]]
        .forEach(function (x) { var b = el("button", "", x[1]); b.dataset.act = x[0]; bar.appendChild(b); });
      cell.appendChild(bar);
    }
  }

  // Draw the rows in and near the visible part; reuse the rows already in the page, measure the new ones.
  function render(force, depth) {
    var n = view.length;
    var top = visibleTop(), bottom = top + visibleHeight();
    var first = n ? posAt(top - OVERSCAN) : 0, last = n ? posAt(bottom + OVERSCAN) : -1;
    if (!force && first === windowFirst && last === windowLast) return;
    var anchor = n ? posAt(top) : 0, anchorGap = n ? offsets[anchor] - top : 0;
    var wanted = new Set(), fresh = [];
    for (var p = first; p <= last; p++) wanted.add(rows[view[p]].l);
    drawn.forEach(function (e, l) { if (!wanted.has(l)) { e.remove(); drawn.delete(l); } });
    var at = topPad.nextSibling;
    for (p = first; p <= last; p++) {
      var r = rows[view[p]], e = drawn.get(r.l);
      if (!e) { e = buildRow(r, p); drawn.set(r.l, e); fresh.push([p, e, r.l]); }
      if (e.getAttribute("aria-posinset") !== String(p + 1)) e.setAttribute("aria-posinset", String(p + 1));
      e.setAttribute("aria-setsize", String(n));
      if (e === at) at = at.nextSibling; else list.insertBefore(e, at);
    }
    windowFirst = first; windowLast = last;
    var changed = false;
    if (fresh.length) {
      if (!textMeasured) measureText(fresh[0][1]);
      fresh.forEach(function (x) {  // one layout for all of them
        var h = x[1].offsetHeight;
        if (!(editing && x[1].classList.contains("selected"))) heightBySig.set(sig(x[2]), h);
        if (Math.abs(heights[x[0]] - h) > 0.5) { heights[x[0]] = h; changed = true; }
      });
    }
    if (changed) {
      sumOffsets();
      var want = offsets[anchor] - anchorGap;
      if (n && Math.abs(want - viewport.scrollTop) > 0.5 && anchor > 0) viewport.scrollTop = want;
    }
    topPad.style.height = (n ? offsets[first] : 0) + "px";
    bottomPad.style.height = (n ? offsets[n] - offsets[last + 1] : 0) + "px";
    if (changed && (depth || 0) < 3) render(false, (depth || 0) + 1);
    focusSelectedIfLost();
    drawWhere();
  }

  var textMeasured = false;
  function drawWhere() {
    var p = selPos(), text = p < 0 ? "" : label(sel.block, sel.index) + " selected · " + (p + 1).toLocaleString("en") +
      " of " + view.length.toLocaleString("en");
    if (whereEl.textContent !== text) whereEl.textContent = text;
  }

  function measureText(rowEl) {
    var side = rowEl.querySelector(".side");
    if (!side) return;
    textMeasured = true;
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = getComputedStyle(side).font;
    var sample = "Kementerian Pertahanan Rusia mengatakan the ministry said ";
    var w = ctx.measureText(sample).width / sample.length;
    if (w > 0 && side.clientWidth > 0) charsPerLine = Math.max(12, Math.floor(side.clientWidth / w));
    lineHeight = parseFloat(getComputedStyle(side).lineHeight) || lineHeight;
  }

  function redraw(l) { forget(l); windowFirst = -1; }

  function focusSelectedIfLost() {
    var a = document.activeElement;
    if (a && a !== document.body && a !== viewport && a.isConnected) return;
    if (keysDialog.open) return;
    var e = selectedEl();
    if (e) (e.querySelector("textarea") || e).focus({preventScroll: true});
  }
  function selectedEl() { var r = selRow(); return r === undefined ? null : drawn.get(rows[r].l) || null; }

  function reveal(e) {  // estimates of unmeasured rows can be off: make sure the row itself is in sight
    var v = viewport.getBoundingClientRect(), b = e.getBoundingClientRect(), top = v.top + listTop();
    var delta = b.top < top ? b.top - top - 8 : b.bottom > v.bottom ? Math.min(b.bottom - v.bottom + 8, b.top - top - 8) : 0;
    if (delta) { viewport.scrollTop += delta; render(false); }
  }

  function ensureVisible(p) {
    if (p < 0 || p >= view.length) return;
    var top = visibleTop(), h = visibleHeight(), y0 = offsets[p], y1 = offsets[p + 1], margin = Math.min(60, h / 4);
    if (y0 < top + margin) viewport.scrollTop = Math.max(0, y0 - margin);
    else if (y1 > top + h - margin) viewport.scrollTop = Math.min(y0 - margin, y1 - h + margin);
  }

  function drawHeader() {
    $("title").textContent = meta.title || "bilingual review";
    document.title = (meta.title ? meta.title + " · " : "") + "bilingual review";
    $("file").textContent = meta.file;
    $("srchead").textContent = "source (" + meta.source_lang + ")";
    $("tgthead").textContent = "translation (" + meta.target_lang + ")";
    var u = document.querySelector("[data-act=undo]"), r = document.querySelector("[data-act=redo]");
    u.disabled = !meta.can_undo; r.disabled = !meta.can_redo;
    u.title = meta.can_undo ? "Undo: " + meta.undo_label + " (U or Ctrl+Z)" : "Nothing to undo";
    r.title = meta.can_redo ? "Redo: " + meta.redo_label + " (Shift+U or Ctrl+Y)" : "Nothing to redo";
  }

  // ------------------------------------------------------------------ selection and navigation
  function setSelection(p, opts) {
    if (p < 0 || p >= view.length) return;
    var r = rows[view[p]], old = selectedEl(), oldRow = selRow();
    var same = isSelected(r);
    if (!same) {
      if (old) {
        if (cursor || editing) redraw(rows[oldRow].l);
        else { old.classList.remove("selected"); old.removeAttribute("aria-current"); old.tabIndex = -1; }
      }
      cursor = null; editing = null; drafts = {};
      sel = {block: r.b.id, index: r.i};
    }
    if (!(opts && opts.noScroll)) ensureVisible(p);
    render(false);
    var e = drawn.get(r.l);
    if (e && !(opts && opts.noScroll)) reveal(e);
    drawWhere();
    if (e) {
      if (!e.classList.contains("selected")) { e.classList.add("selected"); e.setAttribute("aria-current", "true"); e.tabIndex = 0; }
      var ta = e.querySelector("textarea");
      (ta || e).focus({preventScroll: true});
    }
  }

  function step(delta) {
    var p = selPos();
    if (p < 0) { setSelection(0); return; }
    var q = Math.max(0, Math.min(view.length - 1, p + delta));
    if (q !== p) setSelection(q); else ensureVisibleAndRender(p);
  }
  function ensureVisibleAndRender(p) { ensureVisible(p); render(false); }

  function seek(pred, dir, what) {
    var n = view.length, p = selPos();
    if (!n) return;
    if (p < 0) p = dir > 0 ? -1 : n;
    for (var k = 1; k <= n; k++) {
      var q = p + dir * k, wrapped = q < 0 || q >= n;
      q = ((q % n) + n) % n;
      if (q === p) break;
      if (pred(rows[view[q]].l)) {
        setSelection(q);
        if (wrapped) say("wrapped to the " + (dir > 0 ? "top" : "bottom") + ": " + label(rows[view[q]].b.id, rows[view[q]].i) + " " + what);
        return;
      }
    }
    say("no other link " + what + (view.length < rows.length ? " among those shown" : ""));
  }

  function scrollBy(kind) {
    var h = visibleHeight();
    if (kind === "Home") viewport.scrollTop = 0;
    else if (kind === "End") viewport.scrollTop = viewport.scrollHeight;
    else viewport.scrollTop += (kind === "PageDown" ? 1 : -1) * Math.max(40, h - 40);
    render(false);
  }

  function jump(text) {
    var q = text.trim().replace(/\s+/g, " ");
    if (!q) return;
    var r, m = /^([^\s·:]+?)(?:\s*[·: ]\s*(\d+))?$/.exec(q);
    for (var n = 0; n < rows.length && r === undefined; n++) {
      var l = rows[n].l;
      if (l.src.concat(l.tgt).some(function (s) { return s.id === q; })) r = n;
    }
    if (r === undefined && m) r = rowOf(m[1], (m[2] ? +m[2] : 1) - 1);
    if (r === undefined) { say("no link " + q + " (write a block id and link number, like b12·2 or b12:2, or a sentence id like b12.s3)", true); return; }
    if (posOfRow[r] < 0) { sel = {block: rows[r].b.id, index: rows[r].i}; refilter(); }
    setSelection(posOfRow[r]);
    say("went to " + label(rows[r].b.id, rows[r].i));
  }

  function setFilter(kind, type, text) {
    filter.kind = kind; filter.type = type; filter.text = text;
    $("filter").value = kind;
    refilter();
    drawTypes();
    var p = selPos();
    if (p >= 0) { ensureVisible(p); } else viewport.scrollTop = 0;
    render(true);
    focusSelectedIfLost();
  }

  // ------------------------------------------------------------------ talking to the server, in order
  var queue = [], inflight = false;
  function submit(build, pending, follow) { queue.push({build: build, pending: pending, follow: follow !== false}); pump(); }
  function pump() {
    if (inflight || !queue.length) return;
    var job = queue.shift(), body;
    try { body = job.build(); } catch (err) { say(err.message, true); queue.length = 0; return; }
    if (!body) { pump(); return; }
    body.version = meta.version;
    inflight = true;
    document.body.classList.add("busy");
    if (job.pending) say(job.pending);
    request("POST", "/api/op", body).then(function (data) { receive(data, job.follow); })
      .catch(function (err) { queue.length = 0; say(err.message, true); resync(); })
      .finally(function () { inflight = false; document.body.classList.remove("busy"); pump(); });
  }

  function receive(data, follow) {
    var hadFocus = list.contains(document.activeElement);
    if (data.blocks) loadFull(data); else applyDelta(data);
    setMeta(data);
    if (follow && data.select) { sel = data.select; cursor = null; editing = null; drafts = {}; }
    else if (follow) { editing = null; drafts = {}; }
    rebuild();
    drawHeader();
    placeSelection();
    if (hadFocus || follow) focusSelectedIfLost();
    if (data.message && !queue.length) say(data.message, false);
    else if (data.message) say(data.message + " …", false);
  }

  function setMeta(data) {
    meta = meta || {};
    for (var k in data) if (k !== "blocks" && k !== "changed" && k !== "order") meta[k] = data[k];
  }

  function placeSelection() {
    var p = selPos();
    if (p < 0 && sel) {  // the link merged away or the file changed: stay near where it was
      var same = rows.filter(function (x) { return x.b.id === sel.block; });
      var r = same[Math.min(sel.index, same.length - 1)];
      sel = r ? {block: r.b.id, index: r.i} : null;
      refilter();
      p = selPos();
    }
    if (p < 0 && view.length) {
      var firstReview = view.findIndex(function (n) { return rows[n].l.review; });
      p = firstReview >= 0 ? firstReview : 0;
      sel = {block: rows[view[p]].b.id, index: rows[view[p]].i};
    }
    if (p >= 0) ensureVisible(p);
    render(true);
    var e = selectedEl();
    if (e) reveal(e);
  }

  function resync() {
    request("GET", "/api/state").then(function (data) {
      var keep = msg.textContent, bad = msg.className;
      loadFull(data); setMeta(data); rebuild(); drawHeader(); placeSelection();
      msg.textContent = keep; msg.className = bad;
    });
  }

  function locate(sid) {  // the link that holds a sentence now (positions shift as links merge and split)
    for (var n = 0; n < rows.length; n++) {
      var l = rows[n].l;
      for (var k = 0; k < l.src.length; k++) if (l.src[k].id === sid) return rows[n];
      for (k = 0; k < l.tgt.length; k++) if (l.tgt[k].id === sid) return rows[n];
    }
    return null;
  }
  function anchorOf(l) { return (l.src[0] || l.tgt[0]).id; }

  function linkOp(name, extra) {  // built when sent, on the selection of that moment
    submit(function () {
      if (!sel) throw new Error("no link selected");
      var body = {op: name, block: sel.block, index: sel.index};
      for (var k in extra) body[k] = extra[k];
      return body;
    }, "saving…");
  }

  function confirmRow(r, yes) {  // drawn at once, saved in order behind it
    var sid = anchorOf(r.l);
    r.l.status = yes ? "confirmed" : "needs_review";
    r.l.review = !yes;
    redraw(r.l);
    recount();
    render(true);
    var name = label(r.b.id, r.i);
    submit(function () {
      var now = locate(sid);
      if (!now) throw new Error("the link of " + sid + " is gone; nothing confirmed");
      return {op: "confirm", block: now.b.id, index: now.i, confirmed: yes};
    }, (yes ? "confirming " : "taking back ") + name + "…", false);
    say((yes ? "confirmed " : "took back the confirmation of ") + name);
  }

  function current() { var r = selRow(); return r === undefined ? null : rows[r]; }

  function confirmAndNext() {
    var r = current();
    if (!r) return;
    if (unconfirmed(r.l)) confirmRow(r, true);
    var p = selPos();
    for (var q = p + 1; q < view.length; q++) {
      if (unconfirmed(rows[view[q]].l)) { setSelection(q); return; }
    }
    say("confirmed " + label(r.b.id, r.i) + "; no unconfirmed link below it" + (view.length < rows.length ? " among those shown" : ""));
  }

  // ------------------------------------------------------------------ editing and the split cursor
  function startEdit(side) {
    var r = current();
    if (!r) return;
    editing = {block: r.b.id, index: r.i, side: side}; drafts = {}; cursor = null;
    redraw(r.l); render(true);
    var ta = selectedEl() && selectedEl().querySelector("textarea");
    if (ta) ta.focus();
  }
  function editBody() {
    var edits = {}, any = false;
    document.querySelectorAll(".link.selected textarea").forEach(function (ta) {
      if (clean(ta.value) !== clean(ta.dataset.original)) { edits[ta.dataset.sid] = ta.value; any = true; }
    });
    return any ? {op: "edit", edits: edits} : null;
  }
  function saveEdit() {
    var body = editBody();
    if (!body) { cancelEdit(); say("no change to save"); return; }
    submit(function () { return body; }, "saving…");
  }
  function cancelEdit() {
    var r = current();
    editing = null; drafts = {};
    if (r) redraw(r.l);
    render(true);
    focusSelectedIfLost();
  }
  function clean(t) { return t.split(/\s+/).filter(Boolean).join(" "); }
  function splitAtCaret(ta) {
    var sid = ta.dataset.sid, offset = clean(ta.value.slice(0, ta.selectionStart)).length;
    var body = editBody();
    if (body) submit(function () { return body; }, "saving…");
    submit(function () {
      var now = locate(sid);
      return now && {op: "split", block: now.b.id, index: now.i, sid: sid, offset: offset};
    }, "splitting…");
  }

  function placeCursor(ev) {
    var txt = ev.target.closest(".txt");
    if (!txt || !document.caretRangeFromPoint) return false;
    var range = document.caretRangeFromPoint(ev.clientX, ev.clientY);
    if (!range || !txt.contains(range.startContainer)) return false;
    var offset = 0, node;
    var walker = document.createTreeWalker(txt, NodeFilter.SHOW_TEXT);
    while ((node = walker.nextNode())) {
      if (node === range.startContainer) { offset += range.startOffset; break; }
      offset += node.length;
    }
    setCursor(txt.parentNode.dataset.sid, offset);
    return true;
  }
  function setCursor(sid, offset) {
    var r = current();
    if (!r) return;
    cursor = {sid: sid, offset: offset};
    redraw(r.l); render(true);
    var s = r.l.src.concat(r.l.tgt).find(function (x) { return x.id === sid; });
    var where = offset === 0 ? "at the start of " + sid : offset >= s.text.length ? "at the end of " + sid :
      "in " + sid + " before “" + s.text.slice(offset, offset + 18) + "…”";
    say("cursor " + where + ": S splits the link there");
  }
  function cursorStops(l) {  // word starts and sentence ends, source side first
    var stops = [];
    l.src.concat(l.tgt).forEach(function (s) {
      stops.push([s.id, 0]);
      for (var k = 1; k < s.text.length; k++) if (s.text[k - 1] === " " && s.text[k] !== " ") stops.push([s.id, k]);
      stops.push([s.id, s.text.length]);
    });
    return stops;
  }
  function moveCursor(dir) {
    var r = current();
    if (!r) return;
    var stops = cursorStops(r.l), k = -1;
    if (cursor) k = stops.findIndex(function (x) { return x[0] === cursor.sid && x[1] === cursor.offset; });
    k = k < 0 ? (dir > 0 ? 0 : stops.length - 1) : Math.max(0, Math.min(stops.length - 1, k + dir));
    setCursor(stops[k][0], stops[k][1]);
  }
  function split() {
    var c = cursor;
    if (c) {
      submit(function () {
        var now = locate(c.sid);
        return now && {op: "split", block: now.b.id, index: now.i, sid: c.sid, offset: c.offset};
      }, "splitting…");
    } else linkOp("split", {});
  }

  // ------------------------------------------------------------------ actions and keys
  var actions = {
    mergeNext: function () { linkOp("merge", {direction: "next"}); },
    mergePrev: function () { linkOp("merge", {direction: "prev"}); },
    split: split,
    srcNext: function () { linkOp("move", {side: "src", direction: "next"}); },
    srcPrev: function () { linkOp("move", {side: "src", direction: "prev"}); },
    tgtNext: function () { linkOp("move", {side: "tgt", direction: "next"}); },
    tgtPrev: function () { linkOp("move", {side: "tgt", direction: "prev"}); },
    confirm: function () { var r = current(); if (r) confirmRow(r, r.l.status !== "confirmed"); },
    confirmNext: confirmAndNext,
    confirmAbove: function () { linkOp("confirm_above", {}); },
    editTgt: function () { startEdit("tgt"); },
    editSrc: function () { startEdit("src"); },
    saveEdit: saveEdit,
    cancelEdit: cancelEdit,
    splitCaret: function () { var ta = document.querySelector(".link.selected textarea"); if (ta) splitAtCaret(ta); },
    nextReview: function () { seek(function (l) { return l.review; }, 1, "needs review"); },
    prevReview: function () { seek(function (l) { return l.review; }, -1, "needs review"); },
    nextOdd: function () { seek(function (l) { return shape(l) !== "1:1"; }, 1, "is not 1:1"); },
    prevOdd: function () { seek(function (l) { return shape(l) !== "1:1"; }, -1, "is not 1:1"); },
    nextUnconfirmed: function () { seek(unconfirmed, 1, "is unconfirmed"); },
    prevUnconfirmed: function () { seek(unconfirmed, -1, "is unconfirmed"); },
    undo: function () { submit(function () { return {op: "undo"}; }, "undoing…"); },
    redo: function () { submit(function () { return {op: "redo"}; }, "redoing…"); },
    publish: function () { submit(function () { return {op: "publish"}; }, "writing the page…"); },
    reload: function () { submit(function () { return {op: "reload"}; }, "reloading…"); },
    help: function () { if (!keysDialog.open) keysDialog.showModal(); },
    closeHelp: function () { keysDialog.close(); },
    search: function () { $("search").focus(); $("search").select(); },
    jump: function () { $("jump").focus(); $("jump").select(); },
  };

  var keys = {
    "ArrowDown": function () { step(1); }, "j": function () { step(1); },
    "ArrowUp": function () { step(-1); }, "k": function () { step(-1); },
    "ArrowRight": function () { moveCursor(1); }, "ArrowLeft": function () { moveCursor(-1); },
    "Home": function () { scrollBy("Home"); }, "End": function () { scrollBy("End"); },
    "PageDown": function () { scrollBy("PageDown"); }, "PageUp": function () { scrollBy("PageUp"); },
    "n": actions.nextReview, "N": actions.prevReview, "o": actions.nextOdd, "O": actions.prevOdd,
    "w": actions.nextUnconfirmed, "W": actions.prevUnconfirmed,
    "Enter": actions.confirmNext, "c": actions.confirm, "A": actions.confirmAbove,
    "m": actions.mergeNext, "M": actions.mergePrev, "s": actions.split,
    "]": actions.tgtNext, "[": actions.tgtPrev, "}": actions.srcNext, "{": actions.srcPrev,
    "e": actions.editTgt, "E": actions.editSrc, "u": actions.undo, "U": actions.redo, "p": actions.publish,
    "?": actions.help, "/": actions.search, "g": actions.jump,
    "Escape": function () { if (cursor) { var r = current(); cursor = null; if (r) redraw(r.l); render(true); say("cursor removed"); } },
  };

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-act]");
    if (b) { actions[b.dataset.act](); return; }
    var t = ev.target.closest("#types button[data-type]");
    if (t) { setFilter(filter.kind, filter.type === t.dataset.type ? "" : t.dataset.type, filter.text); return; }
    var row = ev.target.closest(".link");
    if (row && !ev.target.closest("textarea")) {
      var r = rowOf(row.dataset.block, +row.dataset.index);
      if (r === undefined) return;
      if (!isSelected(rows[r])) setSelection(posOfRow[r], {noScroll: true});
      else focusSelectedIfLost();
      placeCursor(ev);
    }
  });
  list.addEventListener("dblclick", function (ev) {
    var side = ev.target.closest(".side");
    if (side && !ev.target.closest("textarea")) startEdit(side.classList.contains("src") ? "src" : "tgt");
  });
  list.addEventListener("input", function (ev) {
    if (ev.target.tagName === "TEXTAREA") drafts[ev.target.dataset.sid] = ev.target.value;
  });
  viewport.addEventListener("scroll", function () { render(false); }, {passive: true});
  var resizeTimer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      heightBySig.clear(); textMeasured = false; listTopPx = -1;
      drawn.forEach(function (e) { e.remove(); }); drawn.clear();
      refilter(); var p = selPos(); if (p >= 0) ensureVisible(p); render(true);
    }, 150);
  });

  $("filter").addEventListener("change", function () { setFilter(this.value, filter.type, filter.text); });
  var searchTimer = 0;
  $("search").addEventListener("input", function () {
    var v = this.value.trim().toLowerCase();
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { setFilter(filter.kind, filter.type, v); }, 120);
  });

  document.addEventListener("keydown", function (ev) {
    var tag = ev.target.tagName;
    if (tag === "TEXTAREA") {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); saveEdit(); }
      else if (ev.key === "Enter" && ev.altKey) { ev.preventDefault(); splitAtCaret(ev.target); }
      else if (ev.key === "Escape") { ev.preventDefault(); cancelEdit(); }
      return;
    }
    if (ev.target.id === "search" || ev.target.id === "jump") {
      if (ev.key === "Enter") {
        ev.preventDefault();
        if (ev.target.id === "jump") jump(ev.target.value);
        else { clearTimeout(searchTimer); setFilter(filter.kind, filter.type, ev.target.value.trim().toLowerCase()); var p = selPos(); setSelection(p >= 0 ? p : 0); }
      } else if (ev.key === "Escape") { ev.preventDefault(); focusSelectedIfLost(); var e = selectedEl(); if (e) e.focus({preventScroll: true}); }
      return;
    }
    if (tag === "INPUT" || tag === "SELECT") return;
    if (!meta || ev.altKey || keysDialog.open) return;
    var fn = null;
    if (ev.ctrlKey || ev.metaKey) {
      var k = ev.key.toLowerCase();
      if (k === "z") fn = ev.shiftKey ? actions.redo : actions.undo;
      else if (k === "y") fn = actions.redo;
    } else if (tag !== "BUTTON" || (ev.key !== "Enter" && ev.key !== " ")) {
      fn = keys[ev.key] || null;
    }
    if (fn) { ev.preventDefault(); fn(); }
  });

  request("GET", "/api/state").then(function (data) {
    loadFull(data); setMeta(data); rebuild(); drawHeader(); placeSelection(); focusSelectedIfLost();
  }).catch(function (err) { say(err.message, true); });
})();
