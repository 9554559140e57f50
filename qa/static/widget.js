/* policyqa search box: <policyqa-search endpoint="https://policyqa.example" lang="zh-Hant">.
 * One script tag, no build step, no CDN. Styles live in a shadow root; colours and fonts come from CSS
 * custom properties (--pqa-accent, --pqa-bg, --pqa-text, --pqa-muted, --pqa-mark, --pqa-font, --pqa-radius).
 * Everything the server sends is inserted as text (textContent), never as HTML; highlights are drawn from
 * character offsets.
 */
(() => {
  "use strict";

  const STRINGS = {
    en: {
      placeholder: "Ask about Hong Kong–Mainland cooperation…",
      label: "Search the papers",
      ask: "Ask",
      answer: "Answer",
      abstained: "The papers do not seem to answer this.",
      related: "Related passages — not an answer",
      span: "Answer",
      cite: (n) => `Passage ${n}`,
      passages: "Passages",
      para: "para.",
      page: "p.",
      open: "Open in context",
      noResults: "No passages found.",
      loading: "The index is still loading. Try again in a few seconds.",
      network: "Cannot reach the service. Check your connection or the endpoint.",
      error: "The service could not answer",
      searching: "Searching…",
      asking: "Finding the answer…",
      terms: "Terms",
      results: (n) => `${n} passages`,
      paper: "Paper",
      year: "Year",
      allPapers: "All papers",
      rate: "Was this answer right?",
      up: "Yes, right",
      down: "No, wrong",
      comment: "Comment (optional)",
      send: "Send feedback",
      thanks: "Thank you: your feedback was saved.",
      allYears: "All years",
    },
    "zh-Hant": {
      placeholder: "查詢香港與內地合作的文件…",
      label: "搜尋文件",
      ask: "提問",
      answer: "答案",
      abstained: "文件似乎沒有回答這個問題。",
      related: "相關段落（並非答案）",
      span: "答案",
      cite: (n) => `段落 ${n}`,
      passages: "段落",
      para: "第",
      page: "頁",
      open: "在原文中查看",
      noResults: "找不到相關段落。",
      loading: "索引正在載入，請稍候再試。",
      network: "無法連接服務，請檢查網絡或服務地址。",
      error: "服務未能回答",
      searching: "搜尋中…",
      asking: "正在尋找答案…",
      terms: "詞彙",
      results: (n) => `${n} 個段落`,
      paper: "文件",
      year: "年份",
      allPapers: "所有文件",
      allYears: "所有年份",
      rate: "這個答案正確嗎？",
      up: "正確",
      down: "不正確",
      comment: "意見（可選）",
      send: "提交意見",
      thanks: "謝謝，您的意見已保存。",
    },
    "zh-Hans": {
      placeholder: "查询香港与内地合作的文件…",
      label: "搜索文件",
      ask: "提问",
      answer: "答案",
      abstained: "文件似乎没有回答这个问题。",
      related: "相关段落（并非答案）",
      span: "答案",
      cite: (n) => `段落 ${n}`,
      passages: "段落",
      para: "第",
      page: "页",
      open: "在原文中查看",
      noResults: "找不到相关段落。",
      loading: "索引正在加载，请稍候再试。",
      network: "无法连接服务，请检查网络或服务地址。",
      error: "服务未能回答",
      searching: "搜索中…",
      asking: "正在寻找答案…",
      terms: "词汇",
      results: (n) => `${n} 个段落`,
      paper: "文件",
      year: "年份",
      allPapers: "所有文件",
      allYears: "所有年份",
      rate: "这个答案正确吗？",
      up: "正确",
      down: "不正确",
      comment: "意见（可选）",
      send: "提交意见",
      thanks: "谢谢，您的意见已保存。",
    },
  };

  const STYLE = `
    :host { display: block; font-family: var(--pqa-font, system-ui, "Noto Sans CJK TC", sans-serif);
      color: var(--pqa-text, #1b1f24); --_accent: var(--pqa-accent, #005a9c); --_muted: var(--pqa-muted, #5b6470);
      --_bg: var(--pqa-bg, #ffffff); --_mark: var(--pqa-mark, #fff1a8); --_radius: var(--pqa-radius, 8px); }
    * { box-sizing: border-box; }
    .box { position: relative; }
    .row { display: flex; gap: .5em; }
    input { flex: 1; min-width: 0; font: inherit; font-size: 1.05em; padding: .6em .8em; border: 2px solid var(--_muted);
      border-radius: var(--_radius); background: var(--_bg); color: inherit; }
    input:focus { outline: 3px solid var(--_accent); outline-offset: 1px; border-color: var(--_accent); }
    button { font: inherit; padding: .6em 1em; border: 0; border-radius: var(--_radius); background: var(--_accent);
      color: #fff; cursor: pointer; }
    button:focus-visible { outline: 3px solid var(--_text, #000); outline-offset: 2px; }
    [role=listbox] { list-style: none; margin: .3em 0 0; padding: 0; border: 1px solid #c9ced6; border-radius: var(--_radius);
      background: var(--_bg); max-height: 28em; overflow-y: auto; }
    [role=listbox][hidden] { display: none; }
    [role=option] { padding: .55em .8em; border-bottom: 1px solid #eef0f3; cursor: pointer; }
    [role=option][aria-selected=true] { background: #e8f1fa; box-shadow: inset 4px 0 0 var(--_accent); }
    .meta { font-size: .85em; color: var(--_muted); overflow-wrap: anywhere; }
    .snippet { margin-top: .2em; line-height: 1.6; overflow-wrap: anywhere; }
    .status { margin: .4em 0; color: var(--_muted); min-height: 1.2em; }
    .error { color: #a4000f; font-weight: 600; }
    .answer { margin-top: .8em; padding: .8em 1em; border-left: 4px solid var(--_accent); background: #f5f8fb;
      border-radius: var(--_radius); line-height: 1.7; }
    .answer h2, .passages h2 { font-size: 1em; margin: 0 0 .4em; }
    .passages ol { list-style: none; padding-left: 0; }
    .passages li { margin-bottom: .9em; line-height: 1.7; overflow-wrap: anywhere; border-radius: var(--_radius); }
    .passages li:target, .passages li.focused { outline: 2px solid var(--_accent); outline-offset: 2px; }
    mark { background: var(--_mark); color: inherit; padding: 0 .1em; }
    .span { font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px;
      text-underline-offset: .2em; }
    .cite { font-size: .85em; margin-left: .15em; text-decoration: none; }
    .abstained { font-weight: 600; }
    a { color: var(--_accent); }
    .terms { font-size: .9em; color: var(--_muted); margin-top: .4em; }
    .facets { display: flex; flex-wrap: wrap; gap: .5em 1em; margin-top: .45em; font-size: .9em; color: var(--_muted); }
    .facets label { display: inline-flex; align-items: center; gap: .35em; }
    select { font: inherit; max-width: 22em; padding: .2em .3em; border: 1px solid var(--_muted); border-radius: 4px;
      background: var(--_bg); color: var(--pqa-text, #1b1f24); }
    select:focus { outline: 3px solid var(--_accent); outline-offset: 1px; }
    .span-en { margin-top: .3em; font-weight: 600; }
    .feedback { margin-top: .6em; display: flex; flex-wrap: wrap; align-items: center; gap: .4em .6em; font-size: .92em; }
    .feedback button.vote { background: var(--_bg); color: var(--pqa-text, #1b1f24); border: 1px solid var(--_muted);
      padding: .3em .7em; }
    .feedback button.vote[aria-pressed=true] { background: var(--_accent); color: #fff; border-color: var(--_accent); }
    .feedback textarea { flex-basis: 100%; font: inherit; min-height: 3em; padding: .4em; border: 1px solid var(--_muted);
      border-radius: var(--_radius); }
    .feedback textarea[hidden], .feedback .send[hidden] { display: none; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  const DEBOUNCE_MS = 250;
  let instances = 0;

  function pickLang(value) {
    const v = (value || "").toLowerCase();
    if (v.startsWith("en")) return "en";
    if (v === "zh-hans" || v === "zh-cn" || v === "zh-sg" || v.startsWith("zh-hans")) return "zh-Hans";
    if (v.startsWith("zh")) return "zh-Hant";
    return "en";
  }

  function el(tag, attrs = {}, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Text with the answer span emphasised (<strong class=span>) from [start, end] offsets, or as is. */
  function emphasised(text, span) {
    const frag = document.createDocumentFragment();
    if (!span || span[0] < 0 || span[1] > text.length || span[0] >= span[1]) {
      frag.append(document.createTextNode(text));
      return frag;
    }
    frag.append(
      document.createTextNode(text.slice(0, span[0])),
      el("strong", { class: "span" }, text.slice(span[0], span[1])),
      document.createTextNode(text.slice(span[1])),
    );
    return frag;
  }

  /** Passage text with its highlights drawn as <mark> from [start, end] offsets (text nodes only), and the
   *  answer span, when it lies inside a highlight, emphasised within it. */
  function highlighted(text, spans, answerSpan) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of [...(spans || [])].sort((a, b) => a[0] - b[0])) {
      if (s < at || e > text.length || s >= e) continue;
      const inside = answerSpan && answerSpan[0] >= s && answerSpan[1] <= e
        ? [answerSpan[0] - s, answerSpan[1] - s] : null;
      const mark = el("mark");
      mark.append(emphasised(text.slice(s, e), inside));
      frag.append(document.createTextNode(text.slice(at, s)), mark);
      at = e;
    }
    frag.append(document.createTextNode(text.slice(at)));
    return frag;
  }

  class PolicyqaSearch extends HTMLElement {
    static get observedAttributes() { return ["lang", "endpoint"]; }

    constructor() {
      super();
      this.uid = `pqa${++instances}`;
      this.results = [];
      this.active = -1;
      this.timer = null;
      this.controller = null;
      const root = this.attachShadow({ mode: "open" });
      root.append(el("style", {}, STYLE));
      const box = el("div", { class: "box" });
      const label = el("label", { for: `${this.uid}-input`, class: "sr" });
      const row = el("div", { class: "row" });
      this.input = el("input", {
        id: `${this.uid}-input`, type: "search", role: "combobox", "aria-autocomplete": "list",
        "aria-expanded": "false", "aria-controls": `${this.uid}-list`, autocomplete: "off", spellcheck: "false",
      });
      this.button = el("button", { type: "button" });
      row.append(this.input, this.button);
      this.list = el("ul", { id: `${this.uid}-list`, role: "listbox", hidden: "" });
      this.status = el("div", { class: "status", role: "status", "aria-live": "polite" });
      this.output = el("div", { class: "output" });
      // Facets under the box: narrow the search to one paper and/or one year (filled from /v1/documents).
      const facets = el("div", { class: "facets" });
      this.paperLabel = el("span");
      this.yearLabel = el("span");
      this.paperSelect = el("select", { "data-facet": "paper" });
      this.yearSelect = el("select", { "data-facet": "year" });
      const paperWrap = el("label");
      paperWrap.append(this.paperLabel, this.paperSelect);
      const yearWrap = el("label");
      yearWrap.append(this.yearLabel, this.yearSelect);
      facets.append(paperWrap, yearWrap);
      this.documents = [];
      box.append(label, row, facets, this.list, this.status, this.output);
      root.append(box);
      this.labelEl = label;
      this.input.addEventListener("input", () => this.onInput());
      this.input.addEventListener("keydown", (event) => this.onKey(event));
      this.button.addEventListener("click", () => this.ask());
      for (const select of [this.paperSelect, this.yearSelect]) {
        select.addEventListener("change", () => {
          const q = this.input.value.trim();
          if (q) this.search(q);
        });
      }
      this.onGlobalKey = (event) => this.globalKey(event);
    }

    connectedCallback() {
      this.applyLang();
      document.addEventListener("keydown", this.onGlobalKey);
      this.loadFacets();
    }

    /** Papers and years for the facets; without them the box still searches everything. */
    async loadFacets() {
      try {
        const response = await fetch(`${this.endpoint}/v1/documents`);
        if (!response.ok) return;
        this.documents = await response.json();
      } catch {
        this.documents = [];
      }
      this.renderFacets();
    }

    renderFacets() {
      const keep = [this.paperSelect.value, this.yearSelect.value];
      const title = (d) => (this.lang_ === "en" ? d.title_en : d.title) || d.doc_id;
      this.paperSelect.replaceChildren(el("option", { value: "" }, this.t.allPapers),
        ...this.documents.map((d) => el("option", { value: d.doc_id }, `${title(d)} (${d.date.slice(0, 4)})`)));
      const years = [...new Set(this.documents.map((d) => d.date.slice(0, 4)))].sort().reverse();
      this.yearSelect.replaceChildren(el("option", { value: "" }, this.t.allYears),
        ...years.map((y) => el("option", { value: y }, y)));
      [this.paperSelect.value, this.yearSelect.value] = keep;
      if (this.paperSelect.selectedIndex < 0) this.paperSelect.value = "";
      if (this.yearSelect.selectedIndex < 0) this.yearSelect.value = "";
    }

    /** The facets as /v1/ask filters (null when none is chosen). */
    filters() {
      const f = {};
      if (this.paperSelect.value) f.doc_ids = [this.paperSelect.value];
      if (this.yearSelect.value) { f.date_from = this.yearSelect.value; f.date_to = this.yearSelect.value; }
      return Object.keys(f).length ? f : null;
    }

    filterParams() {
      const params = new URLSearchParams();
      if (this.paperSelect.value) params.append("doc", this.paperSelect.value);
      if (this.yearSelect.value) { params.append("from", this.yearSelect.value); params.append("to", this.yearSelect.value); }
      const text = params.toString();
      return text ? `&${text}` : "";
    }

    disconnectedCallback() { document.removeEventListener("keydown", this.onGlobalKey); }

    attributeChangedCallback() { this.applyLang(); }

    get t() { return STRINGS[this.lang_]; }

    applyLang() {
      this.lang_ = pickLang(this.getAttribute("lang") || document.documentElement.lang);
      this.input.setAttribute("placeholder", this.t.placeholder);
      this.labelEl.textContent = this.t.label;
      this.button.textContent = this.t.ask;
      this.paperLabel.textContent = this.t.paper;
      this.yearLabel.textContent = this.t.year;
      this.renderFacets();
    }

    get endpoint() {
      const value = this.getAttribute("endpoint");
      return (value === null || value === "" ? window.location.origin : value).replace(/\/+$/, "");
    }

    /** `/` or Ctrl/Cmd+K focuses the box, unless the person is typing in another field. */
    globalKey(event) {
      const target = event.composedPath()[0];
      const typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey;
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
      if ((slash && !typing) || (ctrlK && (!typing || target === this.input))) {
        event.preventDefault();
        this.input.focus();
      }
    }

    onInput() {
      clearTimeout(this.timer);
      const q = this.input.value.trim();
      if (!q) { this.close(); this.setStatus(""); return; }
      this.timer = setTimeout(() => this.search(q), DEBOUNCE_MS);
    }

    onKey(event) {
      const n = this.results.length;
      if (event.key === "ArrowDown" && n) {
        event.preventDefault();
        if (this.list.hidden) this.open();
        this.setActive((this.active + 1) % n);
      } else if (event.key === "ArrowUp" && n) {
        event.preventDefault();
        if (this.list.hidden) this.open();
        this.setActive(this.active <= 0 ? n - 1 : this.active - 1);
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (!this.list.hidden && this.active >= 0) this.openPassage(this.results[this.active]);
        else this.ask();
      } else if (event.key === "Escape") {
        if (!this.list.hidden) { event.preventDefault(); this.close(); }
        else if (this.input.value) { this.input.value = ""; this.setStatus(""); }
      }
    }

    setStatus(text, isError = false) {
      this.status.textContent = text;
      this.status.classList.toggle("error", isError);
    }

    async request(path, options = {}) {
      if (this.controller) this.controller.abort();
      this.controller = new AbortController();
      let response;
      try {
        response = await fetch(this.endpoint + path, { ...options, signal: this.controller.signal });
      } catch (error) {
        if (error.name === "AbortError") return null;
        throw new Error(this.t.network);
      }
      let body = null;
      try { body = await response.json(); } catch { body = null; }
      if (response.status === 503) throw new Error(this.t.loading);
      if (!response.ok) {
        const message = body && body.error ? `${body.error.message} (${body.error.code})` : `HTTP ${response.status}`;
        throw new Error(`${this.t.error}: ${message}`);
      }
      return body;
    }

    async search(q) {
      this.setStatus(this.t.searching);
      try {
        const data = await this.request(`/v1/search?q=${encodeURIComponent(q)}&k=8${this.filterParams()}`);
        if (!data) return;
        this.results = data.passages;
        this.renderList();
        this.setStatus(data.passages.length ? this.t.results(data.passages.length) : this.t.noResults);
      } catch (error) {
        this.close();
        this.setStatus(error.message, true);
      }
    }

    async ask() {
      const question = this.input.value.trim();
      if (!question) return;
      clearTimeout(this.timer);
      this.close();
      this.setStatus(this.t.asking);
      try {
        const data = await this.request("/v1/ask", {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ question, top_k: 5, filters: this.filters() }),
        });
        if (!data) return;
        this.setStatus("");
        this.renderAnswer(data);
      } catch (error) {
        this.setStatus(error.message, true);
      }
    }

    citation(p) {
      const parts = [this.lang_ === "en" && p.title_en ? p.title_en : p.title];
      if (p.paper_no) parts.push(p.paper_no);
      parts.push(p.date);
      if (p.annex) parts.push(p.annex);
      if (p.paragraph) parts.push(this.lang_ === "en" ? `${this.t.para} ${p.paragraph}` : `${this.t.para}${p.paragraph}段`);
      if (p.page) parts.push(this.lang_ === "en" ? `${this.t.page} ${p.page}` : `第${p.page}${this.t.page}`);
      return parts.join(" · ");
    }

    link(p) { return `${this.endpoint}/documents/${encodeURIComponent(p.doc_id)}#${p.start}-${p.end}`; }

    renderList() {
      this.list.replaceChildren();
      this.active = -1;
      this.input.removeAttribute("aria-activedescendant");
      this.results.forEach((p, i) => {
        const item = el("li", { role: "option", id: `${this.uid}-opt-${i}`, "aria-selected": "false" });
        item.append(el("div", { class: "meta" }, this.citation(p)));
        const snippet = p.text.length > 120 ? p.text.slice(0, 119) + "…" : p.text;
        item.append(el("div", { class: "snippet" }, snippet));
        item.addEventListener("mousedown", (event) => event.preventDefault());
        item.addEventListener("click", () => this.openPassage(p));
        this.list.append(item);
      });
      if (this.results.length) this.open(); else this.close();
    }

    open() { this.list.hidden = false; this.input.setAttribute("aria-expanded", "true"); }

    close() {
      this.list.hidden = true;
      this.active = -1;
      this.input.setAttribute("aria-expanded", "false");
      this.input.removeAttribute("aria-activedescendant");
    }

    setActive(i) {
      const options = this.list.querySelectorAll("[role=option]");
      options.forEach((o, j) => o.setAttribute("aria-selected", String(i === j)));
      this.active = i;
      this.input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    }

    openPassage(p) {
      this.dispatchEvent(new CustomEvent("policyqa-open", { detail: p, bubbles: true, composed: true }));
      window.location.assign(this.link(p));
    }

    renderAnswer(data) {
      this.output.replaceChildren();
      const answer = el("section", { class: "answer", "aria-label": this.t.answer });
      answer.append(el("h2", {}, this.t.answer));
      const span = data.answer && data.answer.span;
      if (data.answer) {
        const text = el("p", { class: "answer-text" });
        data.answer.sentences.forEach((s, i) => {
          const shown = s.display || s.text;
          const inside = span && span.start >= s.start && span.end <= s.end
            ? [span.start - s.start, span.end - s.start] : null;
          text.append(emphasised(shown, shown.length === s.text.length ? inside : null));
          const next = data.answer.sentences[i + 1];
          if (!next || next.passage !== s.passage) text.append(" ", this.citeLink(s.passage));
        });
        answer.append(text);
      } else {
        answer.append(el("p", { class: "abstained" }, data.abstain_message || this.t.abstained));
      }
      if (span && span.english && this.lang_ === "en") {
        answer.append(el("div", { class: "span-en" }, `${this.t.span}: ${span.english}`));
      }
      if (data.terms && data.terms.length) {
        answer.append(el("div", { class: "terms" }, `${this.t.terms}: ` + data.terms.map((t) => `${t.zh} = ${t.en}`).join("; ")));
      }
      const passages = el("section", { class: "passages", "aria-label": this.t.passages });
      passages.append(el("h2", {}, data.answer ? this.t.passages : this.t.related));
      const list = el("ol");
      for (const p of data.passages) {
        const item = el("li", { "data-chunk": p.chunk_id, id: `${this.uid}-p-${p.rank}`, tabindex: "-1" });
        item.append(el("div", { class: "meta" }, `[${p.rank}] ${this.citation(p)}`));
        const text = el("div", { class: "snippet" });
        const inPassage = span && span.doc_id === p.doc_id && span.start >= p.start && span.end <= p.end
          ? [span.start - p.start, span.end - p.start] : null;
        text.append(highlighted(p.text, p.highlights, inPassage));
        item.append(text, el("a", { href: this.link(p) }, this.t.open));
        list.append(item);
      }
      passages.append(list);
      answer.append(this.feedbackBar(data));
      this.output.append(answer, passages);
    }

    /** 👍/👎 and an optional comment on this answer, sent to POST /v1/feedback with its citations. */
    feedbackBar(data) {
      const bar = el("div", { class: "feedback", role: "group", "aria-label": this.t.rate });
      const votes = ["up", "down"].map((verdict) => el("button", {
        type: "button", class: "vote", "data-verdict": verdict, "aria-pressed": "false",
      }, verdict === "up" ? `👍 ${this.t.up}` : `👎 ${this.t.down}`));
      const comment = el("textarea", { "aria-label": this.t.comment, placeholder: this.t.comment, maxlength: "1000", hidden: "" });
      const send = el("button", { type: "button", class: "send", hidden: "" }, this.t.send);
      const note = el("span", { class: "feedback-status", role: "status", "aria-live": "polite" });
      let verdict = null;
      for (const vote of votes) {
        vote.addEventListener("click", () => {
          verdict = vote.dataset.verdict;
          for (const v of votes) v.setAttribute("aria-pressed", String(v === vote));
          comment.hidden = false;
          send.hidden = false;
          note.textContent = "";
        });
      }
      send.addEventListener("click", async () => {
        if (!verdict) return;
        send.disabled = true;
        const body = {
          question: data.question, language: data.language,
          answer: data.answer ? data.answer.text.slice(0, 2500) : null,
          citations: data.answer ? data.answer.sentences.slice(0, 8).map((s) => ({ doc_id: s.doc_id, start: s.start, end: s.end })) : [],
          index_version: data.index_version, verdict, comment: comment.value.trim() || null,
        };
        try {
          const response = await fetch(`${this.endpoint}/v1/feedback`, {
            method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
          });
          const reply = await response.json().catch(() => null);
          if (!response.ok) {
            throw new Error(reply && reply.error ? `${reply.error.message} (${reply.error.code})` : `HTTP ${response.status}`);
          }
          note.textContent = this.t.thanks;
          note.classList.remove("error");
          for (const v of votes) v.disabled = true;
          comment.disabled = true;
          send.hidden = true;
        } catch (error) {
          note.textContent = `${this.t.error}: ${error.message === "Failed to fetch" ? this.t.network : error.message}`;
          note.classList.add("error");
          send.disabled = false;
        }
      });
      bar.append(el("span", {}, this.t.rate), ...votes, comment, send, note);
      return bar;
    }

    /** "[n]": a link that moves focus to passage n below (inside the shadow root, so not a URL fragment). */
    citeLink(n) {
      const link = el("a", { class: "cite", href: `#${this.uid}-p-${n}`, "aria-label": this.t.cite(n) }, `[${n}]`);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const target = this.shadowRoot.getElementById(`${this.uid}-p-${n}`);
        if (!target) return;
        this.shadowRoot.querySelectorAll(".passages li.focused").forEach((li) => li.classList.remove("focused"));
        target.classList.add("focused");
        target.scrollIntoView({ block: "nearest" });
        target.focus();
      });
      return link;
    }
  }

  if (!customElements.get("policyqa-search")) customElements.define("policyqa-search", PolicyqaSearch);
})();
