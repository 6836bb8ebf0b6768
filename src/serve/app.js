// klimabudget serve: the what-if page. Plain JavaScript, no build step. Every figure comes
// from the server, which runs the same commands as the command line; this script only sends
// the panel's values and puts the answers in place.
"use strict";

const W = JSON.parse(document.getElementById("kb-words").textContent);
const $ = (id) => document.getElementById(id);

const state = {
  scenario: "",
  compare: "",
  sensitivity: false,
  set: {}, // path -> value as typed
  lang: W.lang,
  unit: "kr",
  by: "year",
};
let fields = []; // the fields of the scenario as saved
let generation = -1;
let sequence = 0; // only the answer to the latest request is shown
let timer = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

async function api(path, body) {
  const r = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Klimabudget-Token": W.token },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(await r.text());
  return r.json();
}

function request() {
  return {
    scenario: state.scenario,
    compare: state.compare,
    sensitivity: state.sensitivity,
    set: Object.entries(state.set),
    lang: state.lang,
    unit: state.unit,
    by: state.by,
  };
}

// The address of this view, so that a reload or a bookmark comes back to it.
function remember() {
  const q = new URLSearchParams({ t: W.token, lang: state.lang, unit: state.unit, by: state.by });
  if (state.scenario) q.set("scenario", state.scenario);
  if (state.compare) q.set("compare", state.compare);
  if (state.sensitivity) q.set("sensitivity", "1");
  for (const [p, v] of Object.entries(state.set)) q.append("set", p + "=" + v);
  history.replaceState(null, "", "/?" + q.toString());
  const d = new URLSearchParams(q);
  d.set("format", $("format").value);
  $("download").href = "/download?" + d.toString();
  $("download").setAttribute("download", "");
}

async function refresh() {
  if (!state.scenario) return;
  remember();
  const mine = ++sequence;
  $("status").textContent = W.working;
  let v;
  try {
    v = await api("/api/view", request());
  } catch (e) {
    if (mine === sequence) $("general").textContent = String(e.message || e);
    return;
  }
  if (mine !== sequence) return;
  fields = v.fields;
  $("sensitivity-switch").hidden = !v.assumptions;
  $("general").textContent = v.general || "";
  $("warnings").hidden = !v.warnings;
  $("warnings").textContent = v.warnings || "";
  if (v.ok) {
    $("report").innerHTML = v.html;
    $("report").classList.remove("stale-view");
    $("stale").hidden = true;
  } else {
    // The last valid figures stay, marked as stale.
    const had = $("report").innerHTML.trim() !== "";
    $("report").classList.toggle("stale-view", had);
    $("stale").hidden = !had;
  }
  $("status").textContent = v.updated;
  drawFields(v.errors || []);
  drawChanges();
  drawSolvable(v.solvable || []);
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

function setValue(path, value) {
  const f = fields.find((x) => x.path === path);
  if (f && value.trim() === f.value) delete state.set[path];
  else state.set[path] = value.trim();
}

// The fields are built again only when the file's fields change; otherwise they are updated
// in place, so that a slider being dragged or a field being typed in stays as it is.
let drawnFields = "";

function drawFields(errors) {
  const key = JSON.stringify(fields);
  if (key !== drawnFields) {
    buildFields();
    drawnFields = key;
  }
  fields.forEach((f, i) => {
    const box = $("f" + i).closest(".field");
    const changed = Object.prototype.hasOwnProperty.call(state.set, f.path);
    const value = changed ? state.set[f.path] : f.value;
    box.classList.toggle("changed", changed);
    for (const input of box.querySelectorAll("input")) {
      if (input === document.activeElement) continue;
      if (input.type === "range") {
        if (isFinite(Number(value))) input.value = value;
      } else {
        input.value = value;
      }
    }
    const err = errors.filter((e) => e.path === f.path).map((e) => e.message).join(" ");
    const shown = box.querySelector(".error");
    const text = $("f" + i);
    if (err) {
      text.setAttribute("aria-invalid", "true");
      text.setAttribute("aria-describedby", "f" + i + "-error");
      if (shown) shown.textContent = err;
      else box.append(el("div", { class: "error", id: "f" + i + "-error", role: "alert", text: err }));
    } else {
      text.removeAttribute("aria-invalid");
      text.removeAttribute("aria-describedby");
      if (shown) shown.remove();
    }
  });
}

function buildFields() {
  const box = $("fields");
  box.replaceChildren();
  let group = null, entry = null;
  fields.forEach((f, i) => {
    if (f.group !== group) {
      group = f.group;
      entry = null;
      box.append(el("h3", { text: W.groups[group] || group }));
    }
    if (f.entry !== entry) {
      entry = f.entry;
      // The scenario's and the indexation's values need no second heading of the same name.
      if (entry !== (W.groups[group] || group)) box.append(el("h4", { text: entry }));
    }
    const id = "f" + i;
    const input = el("input", {
      id,
      type: f.kind === "date" ? "date" : "text",
      inputmode: f.kind === "date" || f.kind === "shares" ? null : "decimal",
      value: f.value,
      "data-path": f.path,
      min: f.kind === "date" ? f.min : null,
      max: f.kind === "date" ? f.max : null,
      onchange: (e) => { setValue(f.path, e.target.value); schedule(0); },
      onkeydown: (e) => { if (e.key === "Enter") { setValue(f.path, e.target.value); schedule(0); } },
    });
    const parts = [el("label", { for: id, text: f.label }), input];
    if (f.kind === "money" || f.kind === "fte" || f.kind === "rate") {
      parts.push(el("input", {
        type: "range",
        min: f.min,
        max: f.max,
        step: f.step,
        value: isFinite(Number(f.value)) ? f.value : f.min,
        "aria-label": f.entry + ": " + f.label,
        "data-path": f.path,
        oninput: (e) => {
          input.value = e.target.value;
          setValue(f.path, e.target.value);
          drawChanges();
          schedule(40);
        },
      }));
    }
    box.append(el("div", { class: "field" }, ...parts));
  });
}

function drawChanges() {
  const box = $("changes");
  box.replaceChildren(el("h3", { text: W.changed }));
  const paths = Object.keys(state.set);
  if (paths.length === 0) {
    box.append(el("p", { text: W.noChanges }));
    return;
  }
  const ul = el("ul");
  for (const p of paths) {
    const f = fields.find((x) => x.path === p);
    const name = f ? f.entry + ", " + f.label : p;
    ul.append(el("li", {},
      document.createTextNode(name + ": " + (f ? f.value : "") + " → " + state.set[p] + " "),
      el("button", { type: "button", text: W.reset, "aria-label": W.reset + ": " + name,
        onclick: () => { delete state.set[p]; schedule(0); } })));
  }
  box.append(ul, el("button", { type: "button", text: W.resetAll,
    onclick: () => { state.set = {}; schedule(0); } }));
}

function drawSolvable(list) {
  const sel = $("vary");
  const keep = sel.value;
  sel.replaceChildren(...list.map((s) => el("option", { value: s.path, text: s.funder + ": " + s.entry })));
  if (list.some((s) => s.path === keep)) sel.value = keep;
}

async function solve() {
  const body = request();
  body.vary = $("vary").value;
  $("answer").textContent = W.working;
  try {
    const r = await api("/api/solve", body);
    $("answer").replaceChildren();
    if (!r.ok) {
      $("answer").append(el("p", { class: "error", text: [r.general, ...(r.errors || []).map((e) => e.message)].filter(Boolean).join("\n") }));
      return;
    }
    $("answer").append(el("p", { text: r.text }));
    if (r.value !== "") {
      $("answer").append(el("button", { type: "button", id: "use-value", text: W.useValue,
        onclick: () => { setValue(r.path, r.value); schedule(0); } }));
    }
  } catch (e) {
    $("answer").textContent = String(e.message || e);
  }
}

async function save() {
  const body = request();
  body.name = $("name").value.trim();
  try {
    const r = await api("/api/save", body);
    const msg = r.ok ? r.message : [r.general, ...(r.errors || []).map((e) => e.message)].filter(Boolean).join("\n");
    $("saved").textContent = msg;
    $("saved").className = r.ok ? "" : "error";
    if (r.ok) poll();
  } catch (e) {
    $("saved").textContent = String(e.message || e);
  }
}

async function poll() {
  let r;
  try {
    const q = new URLSearchParams({ t: W.token, lang: state.lang });
    r = await (await fetch("/api/scenarios?" + q.toString())).json();
  } catch (e) {
    return;
  }
  if (r.generation === generation) return;
  const first = generation < 0;
  generation = r.generation;
  drawList(r.scenarios);
  if (!state.scenario && r.scenarios.length) state.scenario = r.scenarios[0].path;
  drawCompare(r.scenarios);
  if (!first) $("status").textContent = W.fileChanged;
  refresh();
}

function drawList(list) {
  const ul = $("list");
  ul.replaceChildren(...list.map((s) => el("li", {},
    el("button", {
      type: "button",
      "aria-current": s.path === state.scenario ? "true" : "false",
      "data-path": s.path,
      onclick: () => {
        state.scenario = s.path;
        state.set = {};
        if (state.compare === s.path) state.compare = "";
        drawList(list);
        drawCompare(list);
        refresh();
      },
    },
      // The check's own line, in the language, its status as a badge.
      el("span", { class: "badge " + s.status, text: s.label }),
      document.createTextNode(s.name || s.path),
      el("span", { class: "line", text: s.line + (s.errors ? "\n" + s.errors : "") })))));
}

function drawCompare(list) {
  const sel = $("compare");
  const options = [el("option", { value: "", text: W.compareNone }), el("option", { value: "=saved", text: W.compareSaved })];
  for (const s of list) if (s.path !== state.scenario) options.push(el("option", { value: s.path, text: s.name || s.path }));
  sel.replaceChildren(...options);
  sel.value = state.compare;
}

function start() {
  const q = new URLSearchParams(location.search);
  state.scenario = q.get("scenario") || "";
  state.compare = q.get("compare") || "";
  state.sensitivity = q.get("sensitivity") === "1";
  state.unit = q.get("unit") || "kr";
  state.by = q.get("by") || "year";
  for (const s of q.getAll("set")) {
    const i = s.indexOf("=");
    if (i > 0) state.set[s.slice(0, i)] = s.slice(i + 1);
  }
  $("lang").value = state.lang;
  $("unit").value = state.unit;
  $("by").value = state.by;
  $("sensitivity").checked = state.sensitivity;
  $("lang").addEventListener("change", (e) => {
    // The page's own words are in the language too: load it again in the other.
    state.lang = e.target.value;
    remember();
    location.reload();
  });
  $("unit").addEventListener("change", (e) => { state.unit = e.target.value; schedule(0); });
  $("by").addEventListener("change", (e) => { state.by = e.target.value; schedule(0); });
  $("compare").addEventListener("change", (e) => { state.compare = e.target.value; schedule(0); });
  $("sensitivity").addEventListener("change", (e) => { state.sensitivity = e.target.checked; schedule(0); });
  $("format").addEventListener("change", remember);
  $("print").addEventListener("click", () => window.print());
  $("solve").addEventListener("click", solve);
  $("save").addEventListener("click", save);
  poll();
  setInterval(poll, 1500);
}

start();
