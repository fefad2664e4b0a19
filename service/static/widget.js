/* PolicyQA chat widget. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-lang="en" defer></script>
 * No framework. All server text is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__policyqaWidget) return;
  window.__policyqaWidget = true;
  var base = new URL(script.src, document.baseURI).origin;
  var lang = script.getAttribute("data-lang") === "zh" ? "zh" : "en";
  var T = {
    en: { open: "Ask about policy notices", title: "PolicyQA", placeholder: "Ask a question, e.g. Who leads the QFLP pilot?",
          send: "Ask", close: "Close", sources: "Sources", unofficial: "Unofficial English rendering",
          zh: "Chinese original", agencies: "Agencies", none: "No sources: the notices do not answer this.",
          error: "Sorry, the service could not answer right now.", task: "task", toggle: "中文",
          copy: "Copy", copied: "Copied", up: "Helpful", down: "Not helpful", thanks: "Thanks for the feedback.",
          retry: "Retry", rateFailed: "Could not send the feedback.", newChat: "New chat",
          thinking: "Looking through the notices…",
          welcome: "Ask about the policy notices in English or Chinese. Every answer cites the notice and task." },
    zh: { open: "政策问答", title: "政策问答", placeholder: "请输入问题，例如：外籍人才创业工作许可由哪个部门牵头？",
          send: "提问", close: "关闭", sources: "出处", unofficial: "非官方英文译文", zh: "中文原文", agencies: "相关单位",
          none: "没有出处：通知中没有相关内容。", error: "抱歉，服务暂时无法回答。", task: "任务", toggle: "English",
          copy: "复制", copied: "已复制", up: "有帮助", down: "没有帮助", thanks: "感谢反馈。", retry: "重试",
          rateFailed: "反馈发送失败。", newChat: "新对话", thinking: "正在查找通知……", welcome: "可用中文或英文提问，每个回答都注明出处（文号和任务）。" }
  };
  var ROLE = { en: { lead: "Lead", cooperate: "Cooperating", guide: "Guiding", responsible: "Responsible" },
               zh: { lead: "牵头", cooperate: "配合", guide: "指导", responsible: "责任" } };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var css = el("link", { rel: "stylesheet", href: base + "/widget.css" });
  document.head.appendChild(css);

  var root = el("div", { class: "pqa-root" });
  var button = el("button", { type: "button", class: "pqa-open", "aria-expanded": "false", "aria-controls": "pqa-panel" });
  var panel = el("section", { id: "pqa-panel", class: "pqa-panel", role: "dialog", "aria-modal": "false", hidden: "" });
  var header = el("header", { class: "pqa-header" });
  var heading = el("h2", { id: "pqa-title" });
  panel.setAttribute("aria-labelledby", "pqa-title");
  var toggle = el("button", { type: "button", class: "pqa-toggle" });
  var closeBtn = el("button", { type: "button", class: "pqa-close" });
  var newBtn = el("button", { type: "button", class: "pqa-new" });
  var log = el("div", { class: "pqa-log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
  var form = el("form", { class: "pqa-form" });
  var label = el("label", { for: "pqa-input", class: "pqa-sr" });
  var input = el("textarea", { id: "pqa-input", rows: "2", maxlength: "1000", required: "" });
  var send = el("button", { type: "submit", class: "pqa-send" });
  header.append(heading, newBtn, toggle, closeBtn);
  form.append(label, input, send);
  panel.append(header, log, form);
  root.append(button, panel);
  document.body.appendChild(root);

  function applyLang() {
    var t = T[lang];
    button.textContent = t.open; heading.textContent = t.title; toggle.textContent = t.toggle;
    // Its name is its visible text (中文 / English), in that language; the title says what it does.
    toggle.setAttribute("lang", lang === "en" ? "zh-CN" : "en");
    toggle.setAttribute("title", lang === "en" ? "Switch to Chinese" : "切换到英文");
    closeBtn.textContent = "×"; closeBtn.setAttribute("aria-label", t.close);
    label.textContent = t.placeholder; input.placeholder = t.placeholder; send.textContent = t.send;
    newBtn.textContent = t.newChat;
    panel.setAttribute("lang", lang === "zh" ? "zh-CN" : "en");
  }
  applyLang();

  // The conversation survives a reload of the page (sessionStorage: this tab only) until "New chat".
  var KEY = "policyqa-conversation-v1";
  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function save(turns) {
    try { sessionStorage.setItem(KEY, JSON.stringify(turns.slice(-20))); } catch (e) { /* storage full or off */ }
  }
  var turns = load();

  function open(show) {
    root.classList.toggle("pqa-is-open", !!show);
    panel.hidden = !show;
    button.setAttribute("aria-expanded", String(show));
    if (show) input.focus(); else button.focus();
  }
  button.addEventListener("click", function () { open(panel.hidden); });
  closeBtn.addEventListener("click", function () { open(false); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") open(false); });
  toggle.addEventListener("click", function () {
    lang = lang === "en" ? "zh" : "en";
    applyLang();
    rerender();  // earlier answers keep their text; their labels (sources, copy, rating) follow the new language
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });

  function chip(c, units, t) {
    var wrap = el("div", { class: "pqa-cite" });
    var id = "pqa-c-" + Math.random().toString(36).slice(2);
    var label = c.doc_number + (c.task_no !== null && c.task_no !== undefined ? " · " + t.task + " " + c.task_no : "");
    var b = el("button", { type: "button", class: "pqa-chip", "aria-expanded": "false", "aria-controls": id }, label);
    var body = el("div", { id: id, class: "pqa-cite-body", hidden: "" });
    if (c.section) body.append(el("p", { class: "pqa-section" }, c.section));
    body.append(el("h4", {}, t.zh), el("blockquote", { lang: "zh-CN" }, c.quote));
    if (c.quote_en) body.append(el("h4", {}, t.unofficial), el("blockquote", { lang: "en" }, c.quote_en));
    b.addEventListener("click", function () {
      var show = body.hidden; body.hidden = !show; b.setAttribute("aria-expanded", String(show));
    });
    wrap.append(b, body);
    return { node: wrap, body: body };
  }

  function renderUnits(target, units, t) {
    if (!units || !units.length) return;
    target.append(el("h4", {}, t.agencies));
    var ul = el("ul", { class: "pqa-units" });
    units.forEach(function (u) {
      ul.append(el("li", {}, ROLE[lang][u.role] + ": " + (lang === "en" ? u.en + " (" + u.zh + ")" : u.zh)));
    });
    target.append(ul);
  }

  function addMessage(who, text) {
    var m = el("div", { class: "pqa-msg pqa-" + who });
    var p = el("p", { class: "pqa-text" }, text);
    m.append(p);
    log.append(m);
    log.scrollTop = log.scrollHeight;
    return { box: m, text: p };
  }

  function parseSSE(buffer, onEvent) {
    var parts = buffer.split(/\r?\n\r?\n/);
    var rest = parts.pop();
    parts.forEach(function (block) {
      var ev = "message", data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf("event:") === 0) ev = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (data.length) onEvent(ev, data.join("\n"));
    });
    return rest;
  }

  // Copy, 👍 and 👎 under an answer; a rating goes to /v1/feedback with the question, answer and citations.
  function actions(box, q, answer, head, t) {
    var row = el("div", { class: "pqa-actions" });
    var copy = el("button", { type: "button", class: "pqa-copy" }, t.copy);
    copy.addEventListener("click", function () {
      var cites = ((head && head.citations) || []).map(function (c) {
        return c.doc_number + (c.task_no !== null && c.task_no !== undefined ? " " + t.task + " " + c.task_no : "");
      });
      var text = answer + (cites.length ? "\n\n" + t.sources + ": " + cites.join("; ") : "");
      (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard")))
        .then(function () { copy.textContent = t.copied; }, function () { copy.textContent = t.copy; });
    });
    row.append(copy);
    ["up", "down"].forEach(function (rating) {
      var b = el("button", { type: "button", class: "pqa-rate pqa-" + rating, "aria-label": t[rating],
                             title: t[rating] }, rating === "up" ? "👍" : "👎");
      b.addEventListener("click", function () {
        row.querySelectorAll(".pqa-rate").forEach(function (x) { x.disabled = true; });
        fetch(base + "/v1/feedback", {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ rating: rating, question: q, answer: answer, lang: lang,
                                 citations: ((head && head.citations) || []).slice(0, 50) })
        }).then(function (res) {
          if (!res.ok) throw new Error("HTTP " + res.status);
          b.setAttribute("aria-pressed", "true");
          row.append(el("span", { class: "pqa-thanks", role: "status" }, t.thanks));
        }).catch(function () {
          row.querySelectorAll(".pqa-rate").forEach(function (x) { x.disabled = false; });
          row.append(el("span", { class: "pqa-thanks", role: "status" }, t.rateFailed));
        });
      });
      row.append(b);
    });
    box.append(row);
  }

  var history = [];  // this conversation's turns, for follow-up questions

  function welcome() {
    var t = T[lang];
    var box = el("div", { class: "pqa-welcome" });
    box.append(el("p", {}, t.welcome));
    var list = el("div", { class: "pqa-suggestions" });
    box.append(list);
    log.append(box);
    fetch(base + "/v1/suggestions?lang=" + lang).then(function (res) {
      return res.ok ? res.json() : { suggestions: [] };
    }).then(function (data) {
      (data.suggestions || []).forEach(function (q) {
        var b = el("button", { type: "button", class: "pqa-suggestion" }, q);
        b.addEventListener("click", function () { box.remove(); addMessage("user", q); ask(q); });
        list.append(b);
      });
    }).catch(function () { /* no suggestions: the welcome text stays */ });
  }

  function finish(box, q, answer, head, t) {
    var cites = (head && head.citations) || [];
    var sources = el("div", { class: "pqa-sources" });
    if (head && head.abstained) sources.append(el("p", { class: "pqa-note" }, t.none));
    else if (cites.length) {
      sources.append(el("h3", {}, t.sources));
      cites.slice(0, 3).forEach(function (c, i) {
        var ch = chip(c, head.units, t);
        if (i === 0) renderUnits(ch.body, head.units, t);
        sources.append(ch.node);
      });
    }
    box.append(sources);
    actions(box, q, answer, head, t);
  }

  function restore() {
    turns.forEach(function (turn) {
      addMessage("user", turn.q);
      var reply = addMessage("bot", turn.answer);
      finish(reply.box, turn.q, turn.answer, turn.head, T[lang]);
      history.push({ role: "user", content: turn.q }, { role: "assistant", content: turn.answer });
    });
    if (!turns.length) welcome();
  }
  restore();

  function rerender() {
    if (log.querySelector("[aria-busy]")) return;  // an answer is on its way: leave the log alone
    while (log.firstChild) log.removeChild(log.firstChild);
    history = [];
    restore();
  }

  newBtn.addEventListener("click", function () {
    turns = []; history = []; save(turns);
    while (log.firstChild) log.removeChild(log.firstChild);
    welcome();
    input.focus();
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    input.value = "";
    var w = log.querySelector(".pqa-welcome");
    if (w) w.remove();
    addMessage("user", q);
    ask(q);
  });

  function ask(q) {
    var t = T[lang];
    var reply = addMessage("bot", t.thinking);
    reply.text.classList.add("pqa-thinking");
    reply.box.setAttribute("aria-busy", "true");
    send.disabled = true;
    var head = null, answer = "", failed = null;
    fetch(base + "/v1/ask/stream", {
      method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" },
      // The earlier turns go along, so that "那配合单位呢？" is read against the last answer.
      body: JSON.stringify({ question: q, lang: lang, history: history.slice(-10) })
    }).then(function (res) {
      if (!res.ok || !res.body) throw new Error("HTTP " + res.status);
      var reader = res.body.getReader(), dec = new TextDecoder(), buf = "";
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) return;
          buf = parseSSE(buf + dec.decode(r.value, { stream: true }), function (ev, data) {
            var obj = JSON.parse(data);
            if (ev === "citations") head = obj;
            else if (ev === "delta") {
              answer += obj.text; reply.text.textContent = answer; reply.text.classList.remove("pqa-thinking");
            }
            else if (ev === "replace") { answer = obj.text; reply.text.textContent = answer; }
            else if (ev === "done") { reply.text.textContent = obj.answer; head = obj; answer = obj.answer; }
            else if (ev === "error") failed = obj.message || "error";
          });
          return pump();
        });
      }
      return pump();
    }).then(function () {
      if (failed) throw new Error(failed);
      history.push({ role: "user", content: q }, { role: "assistant", content: answer });
      turns.push({ q: q, answer: answer, lang: lang,
                   head: head && { abstained: head.abstained, citations: head.citations, units: head.units } });
      save(turns);
      finish(reply.box, q, answer, head, t);
    }).catch(function (err) {
      reply.text.textContent = t.error + (err && err.message ? " (" + err.message + ")" : "");
      var retry = el("button", { type: "button", class: "pqa-retry" }, t.retry);
      retry.addEventListener("click", function () { reply.box.remove(); ask(q); });
      reply.box.append(retry);
    }).then(function () {
      reply.text.classList.remove("pqa-thinking");
      reply.box.removeAttribute("aria-busy");
      send.disabled = false;
      log.scrollTop = log.scrollHeight;
    });
  }
})();
