/* /admin/quality: asks for the admin key (kept for this tab only), calls GET /v1/admin/quality and draws
 * its tables. Everything from the server is inserted as text (textContent), never as HTML. */
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);

  function cell(text, cls) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) td.className = cls;
    return td;
  }

  function fill(table, rows, columns) {
    const body = table.querySelector("tbody");
    body.replaceChildren();
    if (!rows.length) {
      const tr = document.createElement("tr");
      const td = cell("none", "empty");
      td.colSpan = columns.length;
      tr.append(td);
      body.append(tr);
      return;
    }
    for (const row of rows) {
      const tr = document.createElement("tr");
      for (const [get, cls] of columns) tr.append(cell(get(row), cls));
      body.append(tr);
    }
  }

  function tiles(data) {
    const items = [
      ["questions logged", data.query_log_enabled ? data.logged : "log off"],
      ["abstained", data.abstained],
      ["👍 judged right", data.feedback_up],
      ["👎 judged wrong", data.feedback_down],
    ];
    $("tiles").replaceChildren(...items.map(([label, value]) => {
      const div = document.createElement("div");
      div.className = "tile";
      const b = document.createElement("b");
      b.textContent = String(value);
      div.append(b, document.createTextNode(label));
      return div;
    }));
  }

  async function show(event) {
    if (event) event.preventDefault();
    const key = $("key").value.trim();
    if (!key) return;
    sessionStorage.setItem("policyqa-admin-key", key);
    const lang = $("lang").value;
    $("status").textContent = "Loading…";
    $("status").classList.remove("error");
    let response;
    try {
      response = await fetch(`/v1/admin/quality${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`,
        { headers: { "x-api-key": key } });
    } catch {
      $("status").textContent = "Cannot reach the service.";
      $("status").classList.add("error");
      return;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      $("status").textContent = data && data.error ? `${data.error.message} (${data.error.code})` : `HTTP ${response.status}`;
      $("status").classList.add("error");
      $("report").hidden = true;
      return;
    }
    $("status").textContent = `Languages: ${data.languages.join(", ")}`;
    tiles(data);
    const time = (r) => r.created_at.replace("T", " ").slice(0, 19);
    fill($("abstentions"), data.recent_abstentions,
      [[time], [(r) => r.language], [(r) => r.question], [(r) => Math.round(r.latency_ms), "n"]]);
    fill($("down"), data.down_answers,
      [[time], [(r) => r.language], [(r) => r.question], [(r) => r.answer === null ? "(abstained)" : r.answer],
        [(r) => r.comment], [(r) => r.index_version]]);
    fill($("asked"), data.most_asked, [[(r) => r.count, "n"], [(r) => r.language], [(r) => r.question]]);
    $("report").hidden = false;
  }

  $("controls").addEventListener("submit", show);
  $("lang").addEventListener("change", () => show());
  const saved = sessionStorage.getItem("policyqa-admin-key");
  if (saved) { $("key").value = saved; show(); }
})();
