// The versioned console: plain JavaScript, no build step. Talks to the API under /api/v1 with the bearer token
// kept in this tab's sessionStorage. Every element is built with textContent (no HTML from data).
"use strict";

const API = "/api/v1";
const view = document.getElementById("view");
let scope = null;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "style") el.setAttribute("style", value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error.message : "HTTP " + status);
    this.status = status;
    this.code = body && body.error ? body.error.code : "http_error";
    this.retryable = body && body.error ? body.error.retryable : false;
  }
}

async function api(method, path, body) {
  const headers = { "Authorization": "Bearer " + sessionStorage.getItem("versioned.token") };
  const init = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  if (response.status === 204) return null;
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const enc = encodeURIComponent;
const isAdmin = () => scope === "admin";
const v = (version) => version === "LATEST" ? "LATEST" : "v" + version;

function size(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let n = bytes, i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(1)) + " " + units[i];
}

function when(iso) {
  const date = new Date(iso);
  return h("span", { title: iso }, date.toLocaleString());
}

const HINTS = {
  conflict: "Conflict (409): the store refused the change as it stands. A version that an alias points at "
    + "(as primary or canary) cannot be deleted: move the alias away from it first.",
  artifact_not_found: "Not found (404): the version or artifact does not exist (or is deleted).",
  alias_not_found: "Not found (404): the alias does not exist.",
  bad_request: "Bad input (400): nothing was changed.",
  forbidden: "Forbidden (403): this token may only read.",
  unauthorized: "Unauthorized (401): the token is missing or unknown; sign in again.",
  backend_unavailable: "The store is unavailable (503); nothing may have changed. Try again.",
};

function notify(message, ok) {
  const notice = document.getElementById("notice");
  notice.replaceChildren();
  notice.className = ok ? "notice ok" : "notice";
  if (message instanceof ApiError) {
    notice.dataset.code = message.code;
    notice.append(h("div", {}, h("strong", {}, message.message)),
      h("div", { class: "hint" }, HINTS[message.code] || ""), h("div", { class: "code" }, "code: " + message.code));
  } else {
    delete notice.dataset.code;
    notice.append(String(message));
  }
  notice.hidden = false;
}

function clearNotice() {
  document.getElementById("notice").hidden = true;
}

/** Shows a confirmation dialog; resolves with the form's values on Confirm, null on Cancel. */
function confirmAction(title, body, okLabel, danger) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-title").textContent = title;
  document.getElementById("confirm-body").replaceChildren(...[body].flat());
  const ok = document.getElementById("confirm-ok");
  ok.textContent = okLabel || "Confirm";
  ok.className = danger ? "primary danger-fill" : "primary";
  return new Promise((resolve) => {
    dialog.onclose = () => {
      if (dialog.returnValue !== "ok") return resolve(null);
      const values = {};
      dialog.querySelectorAll("input, select").forEach((input) => { values[input.name] = input.value; });
      resolve(values);
    };
    dialog.returnValue = "";
    dialog.showModal();
  });
}

async function act(work, success) {
  clearNotice();
  try {
    await work();
    if (success) notify(success, true);
  } catch (e) {
    notify(e);
  }
  await render(false);
}

function crumbs(...parts) {
  return parts.flatMap((part, i) => i ? [" / ", part] : [part]);
}

/** A page: its breadcrumbs and its content, shown together by render() if no later render started meanwhile. */
function page(trail, ...nodes) {
  return { trail, nodes };
}

// ---- pages ----

function loginPage(message) {
  document.getElementById("session").hidden = true;
  document.getElementById("crumbs").replaceChildren();
  const input = h("input", { type: "password", id: "token", name: "token", autocomplete: "off",
    placeholder: "paste your token" });
  const form = h("form", { class: "panel login", id: "login", onsubmit: async (event) => {
    event.preventDefault();
    sessionStorage.setItem("versioned.token", input.value.trim());
    await render(true);
  } },
    h("h1", {}, "Sign in"),
    h("p", { class: "subtitle" }, "Use a read token to look, an admin token to release. The token stays in this tab."),
    h("label", { for: "token" }, "Bearer token"), input,
    message ? h("p", { class: "notice", id: "login-error" }, message) : null,
    h("div", { class: "dialog-actions" }, h("button", { class: "primary", type: "submit", id: "sign-in" }, "Sign in")));
  view.replaceChildren(form);
  input.focus();
}

async function artifactsPage() {
  const trail = crumbs(h("a", { href: "#/" }, "Artifacts"));
  const { artifacts } = await api("GET", "/artifacts");
  const cards = await Promise.all(artifacts.map(async (name) => {
    const [versions, aliases] = await Promise.all([
      api("GET", "/artifacts/" + enc(name) + "/versions").catch(() => ({ versions: [] })),
      api("GET", "/artifacts/" + enc(name) + "/aliases").catch(() => ({ aliases: [] }))]);
    const published = versions.versions.filter((x) => x.version !== "LATEST");
    return h("a", { class: "card", href: "#/artifacts/" + enc(name), "data-artifact": name },
      h("div", { class: "title" }, name),
      h("div", { class: "muted" }, published.length + " published version" + (published.length === 1 ? "" : "s")
        + (versions.versions.some((x) => x.version === "LATEST") ? " · LATEST staged" : "")),
      h("div", { class: "chips", style: "margin-top:10px" }, aliases.aliases.map((a) =>
        h("span", { class: a.secondaryVersion === null ? "chip" : "chip canary" },
          a.alias + " → " + v(a.version) + (a.secondaryVersion === null ? "" : " + " + v(a.secondaryVersion)
            + " " + a.secondaryWeight + "%")))));
  }));
  return page(trail,
    h("h1", {}, "Artifacts"),
    h("p", { class: "subtitle" }, artifacts.length + " artifact" + (artifacts.length === 1 ? "" : "s")
      + " in this repository"),
    cards.length ? h("div", { class: "grid", id: "artifacts" }, cards)
      : h("div", { class: "panel empty" }, "No artifacts yet: put one with the CLI or the API."));
}

function splitBar(alias) {
  const w = alias.secondaryWeight;
  return h("div", { class: "split", "data-split": alias.alias },
    h("div", { class: "primary", style: "width:" + (100 - w) + "%" }, v(alias.version) + " · " + (100 - w) + "%"),
    w > 0 ? h("div", { class: "secondary", style: "width:" + w + "%" }, v(alias.secondaryVersion) + " · " + w + "%")
      : null);
}

function aliasCard(name, alias, versions) {
  const options = () => h("select", { name: "version" }, versions.filter((x) => x.version !== "LATEST")
    .map((x) => h("option", { value: x.version }, v(x.version))));
  const path = "/artifacts/" + enc(name) + "/aliases/" + enc(alias.alias);
  const canary = alias.secondaryVersion !== null;
  const actions = isAdmin() ? h("div", { class: "toolbar" },
    h("button", { "data-action": "canary", onclick: () => canaryDialog(name, alias, versions) },
      canary ? "Change canary" : "Start canary"),
    canary ? h("button", { "data-action": "promote", class: "primary", onclick: async () => {
      const ok = await confirmAction("Promote " + v(alias.secondaryVersion) + "?",
        h("p", {}, "All traffic of " + alias.alias + " goes to " + v(alias.secondaryVersion)
          + " (now " + alias.secondaryWeight + "%); " + v(alias.version) + " stops serving."), "Promote");
      if (ok) await act(() => api("PUT", path, { version: alias.secondaryVersion,
        expectedRevision: alias.revision }), alias.alias + " promoted to " + v(alias.secondaryVersion));
    } }, "Promote " + v(alias.secondaryVersion)) : null,
    h("button", { "data-action": "rollback", onclick: async () => {
      const ok = await confirmAction("Roll back " + alias.alias + "?",
        h("p", {}, "Point " + alias.alias + " back at the target it had before its last change "
          + "(revision " + alias.revision + ")."), "Roll back", true);
      if (ok) await act(() => api("POST", path + "/rollback"), alias.alias + " rolled back");
    } }, "Roll back"),
    h("button", { "data-action": "set", onclick: async () => {
      const values = await confirmAction("Point " + alias.alias + " at…",
        [h("label", {}, "Version"), options(), h("p", { class: "explain" }, "Ends any canary.")], "Set alias");
      if (values) await act(() => api("PUT", path, { version: Number(values.version),
        expectedRevision: alias.revision }), alias.alias + " → " + v(values.version));
    } }, "Set…")) : null;
  return h("div", { class: "panel", "data-alias": alias.alias },
    h("div", { class: "alias-head" }, h("span", { class: "alias-name" }, alias.alias),
      h("a", { href: "#/artifacts/" + enc(name) + "/aliases/" + enc(alias.alias), "data-action": "history" },
        "history (rev " + alias.revision + ")")),
    splitBar(alias),
    h("p", { class: "explain" }, canary
      ? "Sticky routing: each routing key (a user id, say) hashes with the artifact and alias names into one of "
        + "100 buckets; buckets 0–" + (alias.secondaryWeight - 1) + " get " + v(alias.secondaryVersion)
        + ", the rest " + v(alias.version) + ". A key keeps its version while the weight stays; raising the "
        + "weight only moves keys to the canary."
      : "All traffic goes to " + v(alias.version) + ". Start a canary to send a share of the routing keys to "
        + "another version, sticky per key."),
    actions);
}

async function canaryDialog(name, alias, versions) {
  const candidates = versions.filter((x) => x.version !== "LATEST" && x.version !== alias.version);
  if (!candidates.length) {
    notify("Publish another version first: a canary needs a second version.");
    return;
  }
  const weight = h("input", { type: "number", name: "weight", min: 1, max: 99, id: "canary-weight",
    value: alias.secondaryWeight || 10 });
  const values = await confirmAction("Canary for " + alias.alias, [
    h("label", {}, "Canary version"),
    h("select", { name: "secondary", id: "canary-version" }, candidates.map((x) =>
      h("option", { value: x.version, selected: x.version === alias.secondaryVersion }, v(x.version)))),
    h("label", { for: "canary-weight" }, "Share of routing keys (%)"), weight,
    h("p", { class: "explain" }, "The primary stays " + v(alias.version) + ".")], "Start canary");
  if (values) {
    await act(() => api("PUT", "/artifacts/" + enc(name) + "/aliases/" + enc(alias.alias), {
      version: alias.version, secondaryVersion: Number(values.secondary), secondaryWeight: Number(values.weight),
      expectedRevision: alias.revision }), alias.alias + ": " + values.weight + " % to " + v(values.secondary));
  }
}

async function artifactPage(name) {
  const trail = crumbs(h("a", { href: "#/" }, "Artifacts"), h("a", { href: "#/artifacts/" + enc(name) }, name));
  const [{ versions }, { aliases }] = await Promise.all([
    api("GET", "/artifacts/" + enc(name) + "/versions"), api("GET", "/artifacts/" + enc(name) + "/aliases")]);
  const base = "/artifacts/" + enc(name);
  const toolbar = isAdmin() ? h("div", { class: "toolbar", id: "artifact-actions" },
    h("button", { class: "primary", "data-action": "publish", onclick: async () => {
      const latest = versions.find((x) => x.version === "LATEST");
      const ok = await confirmAction("Publish LATEST?", h("p", {}, latest
        ? "LATEST (" + size(latest.size) + ", sha256 " + latest.sha256.slice(0, 12) + "…) becomes the next "
          + "immutable version." : "There is no LATEST to publish; the store will say so."), "Publish");
      if (ok) await act(() => api("POST", base + "/versions"), "published");
    } }, "Publish LATEST"),
    h("button", { "data-action": "new-alias", onclick: async () => {
      const values = await confirmAction("New alias", [h("label", {}, "Alias name"),
        h("input", { name: "alias", placeholder: "production" }), h("label", {}, "Version"),
        h("select", { name: "version" }, versions.filter((x) => x.version !== "LATEST")
          .map((x) => h("option", { value: x.version }, v(x.version))))], "Create alias");
      if (values) await act(() => api("PUT", base + "/aliases/" + enc(values.alias), {
        version: Number(values.version), expectedRevision: 0 }), "alias " + values.alias + " created");
    } }, "New alias…"),
    h("button", { "data-action": "restore", onclick: async () => {
      const values = await confirmAction("Restore a deleted version", [h("label", {}, "Version number"),
        h("input", { name: "version", type: "number", min: 1 })], "Restore");
      if (values) await act(() => api("POST", base + "/versions/" + enc(values.version) + "/restore"),
        v(values.version) + " restored");
    } }, "Restore…"),
    h("button", { class: "danger", "data-action": "purge", onclick: () => purgeDialog(name) }, "Purge…")) : null;

  const rows = versions.map((x) => h("tr", { "data-version": x.version },
    h("td", {}, h("strong", {}, v(x.version))),
    h("td", {}, size(x.size)),
    h("td", {}, h("code", { title: x.sha256 }, x.sha256.slice(0, 12) + "…")),
    h("td", {}, when(x.updateAt)),
    h("td", {}, h("code", {}, x.contentType)),
    h("td", {}, h("div", { class: "chips" }, x.aliases.map((a) => h("span", { class: "chip" }, a)))),
    isAdmin() ? h("td", {}, h("button", { class: "danger", "data-action": "delete", onclick: async () => {
      const ok = await confirmAction("Delete " + v(x.version) + "?", h("p", {}, "The version is hidden (its "
        + "bytes stay until purged) and can be restored. An alias that points at it blocks the delete."),
        "Delete", true);
      if (ok) await act(() => api("DELETE", base + "/versions/" + x.version), v(x.version) + " deleted");
    } }, "Delete")) : null));

  return page(trail,
    h("h1", {}, name),
    h("p", { class: "subtitle" }, "Live versions, the aliases that route traffic to them, and the release actions."),
    toolbar,
    h("h2", {}, "Aliases"),
    aliases.length ? h("div", { class: "aliases", id: "aliases" }, aliases.map((a) => aliasCard(name, a, versions)))
      : h("div", { class: "panel empty" }, "No aliases yet."),
    h("h2", {}, "Versions"),
    h("table", { id: "versions" },
      h("thead", {}, h("tr", {}, ["Version", "Size", "SHA-256", "Created", "Content type", "Aliases"]
        .map((t) => h("th", {}, t)), isAdmin() ? h("th", {}, "") : null)),
      h("tbody", {}, rows)));
}

async function purgeDialog(name) {
  const keep = h("input", { type: "number", name: "keep", min: 0, value: 3, id: "purge-keep" });
  const older = h("input", { name: "olderThan", value: "0s", id: "purge-older" });
  const preview = h("div", { class: "preview", id: "purge-preview" }, "…");
  const refresh = async () => {
    try {
      const result = await api("POST", "/artifacts/" + enc(name) + "/purge?dryRun=true&keep=" + enc(keep.value)
        + "&olderThan=" + enc(older.value));
      preview.textContent = result.purged.length
        ? "Would purge " + result.purged.map(v).join(", ") + " (bytes and records, for good)"
          + (result.keptByAlias.length ? "; kept because an alias points at them: "
            + result.keptByAlias.map(v).join(", ") : "") + "."
        : "Nothing to purge with these rules.";
    } catch (e) {
      preview.textContent = e.message;
    }
  };
  keep.addEventListener("input", refresh);
  older.addEventListener("input", refresh);
  refresh();
  const values = await confirmAction("Purge old versions of " + name, [
    h("label", { for: "purge-keep" }, "Keep the newest"), keep,
    h("label", { for: "purge-older" }, "Only versions older than (e.g. 30d, 12h)"), older,
    h("p", { class: "explain" }, "Preview (a dry run):"), preview], "Purge for good", true);
  if (values) {
    await act(() => api("POST", "/artifacts/" + enc(name) + "/purge?dryRun=false&keep=" + enc(values.keep)
      + "&olderThan=" + enc(values.olderThan)), "purged");
  }
}

function target(t) {
  if (!t) return "—";
  return v(t.version) + (t.secondaryVersion === null ? "" : " + " + v(t.secondaryVersion) + " at "
    + t.secondaryWeight + "%");
}

async function historyPage(name, alias) {
  const trail = crumbs(h("a", { href: "#/" }, "Artifacts"), h("a", { href: "#/artifacts/" + enc(name) }, name),
    h("a", { href: "#/artifacts/" + enc(name) + "/aliases/" + enc(alias) }, alias));
  const { history } = await api("GET", "/artifacts/" + enc(name) + "/aliases/" + enc(alias) + "/history");
  return page(trail,
    h("h1", {}, alias, h("span", { class: "muted" }, " · history of " + name)),
    h("p", { class: "subtitle" }, history.length + " change" + (history.length === 1 ? "" : "s") + ", newest first."),
    history.length ? h("ol", { class: "timeline", id: "history" }, history.map((c) =>
      h("li", { class: c.kind, "data-revision": c.revision },
        h("div", {}, h("strong", {}, "rev " + c.revision + " · " + c.kind), "  ", h("span", { class: "when" },
          when(c.time))),
        h("div", {}, c.kind === "create" ? "created → " + target(c.current)
          : c.kind === "delete" ? "deleted (was " + target(c.previous) + ")"
            : target(c.previous) + " → " + target(c.current)))))
      : h("div", { class: "panel empty" }, "No changes recorded."));
}

// ---- routing ----

let generation = 0;

async function render(checkSession) {
  const mine = ++generation;
  if (!sessionStorage.getItem("versioned.token")) return loginPage();
  try {
    if (checkSession || scope === null) {
      scope = (await api("GET", "/session")).scope;
      const badge = document.getElementById("scope");
      badge.textContent = scope === "admin" ? "admin" : "read only";
      badge.className = "badge " + scope;
      document.getElementById("session").hidden = false;
    }
    const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
    const shown = parts[0] === "artifacts" && parts.length >= 4 && parts[2] === "aliases"
      ? await historyPage(parts[1], parts[3])
      : parts[0] === "artifacts" && parts[1] ? await artifactPage(parts[1]) : await artifactsPage();
    if (mine !== generation) return;
    document.getElementById("crumbs").replaceChildren(...shown.trail);
    view.replaceChildren(...shown.nodes);
    document.body.dataset.ready = location.hash || "#/";
    document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      sessionStorage.removeItem("versioned.token");
      scope = null;
      return loginPage(e.message);
    }
    notify(e);
  }
}

document.getElementById("logout").addEventListener("click", () => {
  sessionStorage.removeItem("versioned.token");
  scope = null;
  clearNotice();
  loginPage();
});
window.addEventListener("hashchange", () => { clearNotice(); render(false); });
render(true);
