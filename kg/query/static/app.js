// The kg query page. Every value shown comes from the store and is untrusted:
// it reaches the page only through textContent, never as HTML.
"use strict";

const PREFIXES = {
  "https://w3id.org/kg/ontology#": "kg:",
  "https://w3id.org/kg/id/": "kgid:",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
  "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
  "http://www.w3.org/2001/XMLSchema#": "xsd:",
  "https://schema.org/": "schema:",
  "http://www.w3.org/ns/prov#": "prov:",
};

const $ = (id) => document.getElementById(id);

function shortIri(iri) {
  for (const [base, prefix] of Object.entries(PREFIXES)) {
    if (iri.startsWith(base)) {
      try { return prefix + decodeURIComponent(iri.slice(base.length)); } catch (e) { return prefix + iri.slice(base.length); }
    }
  }
  return iri;
}

function termText(term) {
  if (!term) return "";
  if (term.type === "uri") return shortIri(term.value);
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "triple") {
    const t = term.value;
    return "<< " + termText(t.subject) + " " + termText(t.predicate) + " " + termText(t.object) + " >>";
  }
  return String(term.value);
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function clearResults() {
  const table = $("results");
  table.tHead.replaceChildren();
  table.tBodies[0].replaceChildren();
  const pre = $("graph-text");
  pre.textContent = "";
  pre.hidden = true;
}

function showTable(data) {
  const table = $("results");
  const vars = data.head.vars || [];
  const headRow = document.createElement("tr");
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    headRow.appendChild(th);
  }
  table.tHead.appendChild(headRow);
  const body = table.tBodies[0];
  const fragment = document.createDocumentFragment();
  for (const binding of data.results.bindings) {
    const tr = document.createElement("tr");
    for (const v of vars) {
      const td = document.createElement("td");
      const term = binding[v];
      td.textContent = termText(term);
      if (term && term.type === "uri") { td.className = "uri"; td.title = term.value; }
      tr.appendChild(td);
    }
    fragment.appendChild(tr);
  }
  body.appendChild(fragment);
}

async function run() {
  const query = $("query").value;
  clearResults();
  setStatus("running…", false);
  const started = performance.now();
  let response;
  try {
    response = await fetch("sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query }),
    });
  } catch (e) {
    setStatus("the server did not answer: " + e, true);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    setStatus(response.status + ": " + (await response.text()).trim(), true);
    return;
  }
  const truncated = response.headers.get("X-KG-Truncated");
  const note = truncated ? ` (only the first ${truncated} are shown)` : "";
  if (type.startsWith("application/sparql-results+json")) {
    const data = await response.json();
    if (typeof data.boolean === "boolean") {
      setStatus((data.boolean ? "yes" : "no") + ` · ${seconds} s`, false);
      return;
    }
    showTable(data);
    const n = data.results.bindings.length;
    setStatus(`${n} row${n === 1 ? "" : "s"}${note} · ${seconds} s`, false);
  } else {
    const pre = $("graph-text");
    pre.textContent = await response.text();
    pre.hidden = false;
    setStatus(`graph answer${note} · ${seconds} s`, false);
  }
}

async function loadExamples() {
  let data;
  try {
    data = await (await fetch("examples.json")).json();
  } catch (e) {
    return;
  }
  const select = $("examples");
  for (const example of data.examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = example.title ? `${example.name} — ${example.title}` : example.name;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const example = data.examples.find((e) => e.name === select.value);
    if (!example) return;
    $("query").value = example.query;
    $("example-title").textContent = example.title;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  loadExamples();
});
