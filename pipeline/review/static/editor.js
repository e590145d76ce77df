(function () {
  "use strict";
  var token = new URLSearchParams(location.search).get("token") || "";
  var state = null, sel = null, editing = null, busy = false;
  var list = document.getElementById("links"), msg = document.getElementById("message");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;  // never innerHTML: every text is data
    return e;
  }
  function say(text, isError) { msg.textContent = text; msg.className = isError ? "error" : ""; }

  function request(method, path, body) {
    var opts = {method: method, headers: {"X-Review-Token": token}};
    if (body) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || r.statusText); return data; });
    });
  }

  function flat() {
    var out = [];
    state.blocks.forEach(function (b) { b.links.forEach(function (l, i) { out.push({block: b.id, index: i, link: l}); }); });
    return out;
  }
  function selected() {
    var all = flat();
    for (var i = 0; i < all.length; i++) if (all[i].block === sel.block && all[i].index === sel.index) return all[i];
    return null;
  }

  function render() {
    document.getElementById("title").textContent = state.title || "bilingual review";
    document.getElementById("file").textContent = state.file;
    document.getElementById("srchead").textContent = "source (" + state.source_lang + ")";
    document.getElementById("tgthead").textContent = "translation (" + state.target_lang + ")";
    document.getElementById("counter").textContent =
      state.left + " of " + state.total + " links need review · " + state.confirmed + " confirmed";
    document.querySelector("[data-act=undo]").disabled = !state.can_undo;
    document.querySelector("[data-act=redo]").disabled = !state.can_redo;
    var all = flat();
    if (!sel || !selected()) {
      var first = all.filter(function (x) { return x.link.review; })[0] || all[0];
      if (sel && all.length) {  // keep the selection near where it was (the link may have merged away)
        var same = all.filter(function (x) { return x.block === sel.block; });
        first = same[Math.min(sel.index, same.length - 1)] || first;
      }
      sel = first ? {block: first.block, index: first.index} : null;
    }
    list.textContent = "";
    state.blocks.forEach(function (b) {
      list.appendChild(el("div", "blockhead", b.id + " · " + b.kind));
      b.links.forEach(function (l, i) { list.appendChild(row(b, l, i)); });
    });
  }

  function sentences(cell, items, side) {
    var isEditing = editing && editing.block === sel.block && editing.index === sel.index && editing.side === side;
    items.forEach(function (s) {
      if (isEditing && cell.dataset.sel === "1") {
        var ta = el("textarea");
        ta.value = s.text; ta.dataset.sid = s.id; ta.rows = Math.max(2, Math.ceil(s.text.length / 55)); ta.setAttribute("aria-label", "Text of " + s.id);
        cell.appendChild(ta);
      } else {
        var span = el("span", "sent");
        span.appendChild(el("span", "sid", s.id));
        span.appendChild(document.createTextNode(s.text));
        span.dataset.sid = s.id;
        cell.appendChild(span);
      }
    });
    if (isEditing && cell.dataset.sel === "1") {
      var bar = el("div", "editbar");
      var save = el("button", "", "Save (Ctrl+Enter)"), cancel = el("button", "", "Cancel (Esc)");
      save.dataset.act = "saveEdit"; cancel.dataset.act = "cancelEdit";
      bar.appendChild(save); bar.appendChild(cancel); cell.appendChild(bar);
    }
  }

  function row(b, l, i) {
    var r = el("div", "link " + l.status + (l.review ? " review" : ""));
    var isSel = sel && sel.block === b.id && sel.index === i;
    if (isSel) { r.classList.add("selected"); r.setAttribute("aria-current", "true"); }
    r.setAttribute("role", "listitem");
    r.tabIndex = isSel ? 0 : -1;
    r.dataset.block = b.id; r.dataset.index = String(i);
    r.appendChild(el("div", "lid", b.id + " · " + (i + 1)));
    var src = el("div", "side src"), tgt = el("div", "side tgt");
    src.lang = state.source_lang; tgt.lang = state.target_lang;
    src.dataset.sel = tgt.dataset.sel = isSel ? "1" : "0";
    sentences(src, l.src, "src"); sentences(tgt, l.tgt, "tgt");
    r.appendChild(src); r.appendChild(tgt);
    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge " + l.status, l.status.replace("_", " ")));
    meta.appendChild(el("div", "score", l.score === null ? "score –" : "score " + l.score.toFixed(2)));
    if (l.flags.length) meta.appendChild(el("div", "flags", l.flags.join(", ")));
    r.appendChild(meta);
    return r;
  }

  function focusSelected() {
    var r = list.querySelector(".link.selected");
    if (!r) return;
    var ta = r.querySelector("textarea");
    (ta || r).focus({preventScroll: true});
    r.scrollIntoView({block: "nearest"});
  }

  function load(data) {
    state = data;
    render();
    focusSelected();
  }

  function op(body, after) {
    if (busy) return;
    busy = true;
    body.version = state.version;
    request("POST", "/api/op", body).then(function (data) {
      if (after) after(data);
      editing = null;
      say(data.message || "saved", false);
      load(data);
    }).catch(function (err) { say(err.message, true); }).finally(function () { busy = false; });
  }

  function linkOp(name, extra) {
    if (!sel) return;
    var body = {op: name, block: sel.block, index: sel.index};
    for (var k in extra) body[k] = extra[k];
    op(body);
  }

  function position() {
    var all = flat();
    return {all: all, cur: all.findIndex(function (x) { return x.block === sel.block && x.index === sel.index; })};
  }
  function choose(x) { editing = null; sel = {block: x.block, index: x.index}; render(); focusSelected(); }
  function step(delta) {
    var p = position(), j = p.cur + delta;
    if (j >= 0 && j < p.all.length) choose(p.all[j]);
  }
  function nextReview() {
    var p = position();
    for (var n = 1; n <= p.all.length; n++) {
      var x = p.all[(p.cur + n) % p.all.length];
      if (x.link.review) { choose(x); return; }
    }
    say("no link needs review", false);
  }

  function startEdit(side) { if (sel) { editing = {block: sel.block, index: sel.index, side: side}; render(); focusSelected(); } }
  function saveEdit() {
    var edits = {};
    list.querySelectorAll(".link.selected textarea").forEach(function (ta) { edits[ta.dataset.sid] = ta.value; });
    op({op: "edit", edits: edits});
  }

  var actions = {
    mergeNext: function () { linkOp("merge", {direction: "next"}); },
    mergePrev: function () { linkOp("merge", {direction: "prev"}); },
    split: function () { linkOp("split", {}); },
    srcNext: function () { linkOp("move", {side: "src", direction: "next"}); },
    srcPrev: function () { linkOp("move", {side: "src", direction: "prev"}); },
    tgtNext: function () { linkOp("move", {side: "tgt", direction: "next"}); },
    tgtPrev: function () { linkOp("move", {side: "tgt", direction: "prev"}); },
    confirm: function () { var s = selected(); if (s) linkOp("confirm", {confirmed: s.link.status !== "confirmed"}); },
    editTgt: function () { startEdit("tgt"); },
    editSrc: function () { startEdit("src"); },
    saveEdit: saveEdit,
    cancelEdit: function () { editing = null; render(); focusSelected(); },
    nextReview: nextReview,
    undo: function () { op({op: "undo"}); },
    redo: function () { op({op: "redo"}); },
    publish: function () { op({op: "publish"}); },
    reload: function () { op({op: "reload"}); },
  };

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-act]");
    if (b) { actions[b.dataset.act](); return; }
    var r = ev.target.closest(".link");
    if (r && !ev.target.closest("textarea")) {
      var same = sel && sel.block === r.dataset.block && sel.index === +r.dataset.index;
      if (!same) choose({block: r.dataset.block, index: +r.dataset.index});
    }
  });
  list.addEventListener("dblclick", function (ev) {
    var side = ev.target.closest(".side");
    if (side && !ev.target.closest("textarea")) startEdit(side.classList.contains("src") ? "src" : "tgt");
  });

  var keys = {
    "ArrowDown": function () { step(1); }, "j": function () { step(1); },
    "ArrowUp": function () { step(-1); }, "k": function () { step(-1); },
    "n": actions.nextReview, "m": actions.mergeNext, "M": actions.mergePrev, "s": actions.split,
    "]": actions.tgtNext, "[": actions.tgtPrev, "}": actions.srcNext, "{": actions.srcPrev,
    "c": actions.confirm, "e": actions.editTgt, "E": actions.editSrc,
    "u": actions.undo, "U": actions.redo, "p": actions.publish,
  };
  document.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "TEXTAREA") {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); saveEdit(); }
      else if (ev.key === "Escape") { ev.preventDefault(); actions.cancelEdit(); }
      return;
    }
    if (!state || ev.altKey) return;
    var fn = null;
    if (ev.ctrlKey || ev.metaKey) {
      var k = ev.key.toLowerCase();
      if (k === "z") fn = ev.shiftKey ? actions.redo : actions.undo;
      else if (k === "y") fn = actions.redo;
    } else if (ev.target.tagName !== "BUTTON" || (ev.key !== "Enter" && ev.key !== " ")) {
      fn = keys[ev.key] || null;
    }
    if (fn) { ev.preventDefault(); fn(); }
  });

  request("GET", "/api/state").then(load).catch(function (err) { say(err.message, true); });
})();
