"""One self-contained HTML page: the report people open from a CI artifact.

No external scripts, styles, fonts or images: the page works from a downloaded file
and offline. A summary (counts and an inline-SVG bar per story), then one table of
every claim with its status, source, dates and evidence. A few lines of inline
JavaScript add filters (status, story, source) and a text search, kept in the URL
fragment so a filtered view can be shared; without JavaScript every claim is still
shown and the controls stay hidden. A Content-Security-Policy allows only this page's
own style and script (by hash), so even a value that escaped escaping could not run.
Every value from the data goes through `escape.html`; only http(s) URLs become links.
"""

from __future__ import annotations

import base64
import hashlib

from tracker import __version__
from tracker.finding import Level
from tracker.model import Statement, Status
from tracker.report import RenderOptions, plural, statement_index, statement_of
from tracker.report.escape import html as h
from tracker.report.escape import safe_url
from tracker.result import CheckResult, Evidence, Verdict

ORDER = (Status.CONFIRMED, Status.CONTRADICTED, Status.RUMOURED)
# The chart shows this many stories; the table below always has every claim.
CHART_STORIES = 40

STYLE = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
--confirmed:#1a7f37;--confirmed-bg:#dafbe1;--contradicted:#cf222e;--contradicted-bg:#ffebe9;
--rumoured:#9a6700;--rumoured-bg:#fff8c5;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--panel:#151b23;--line:#3d444d;--confirmed:#3fb950;--confirmed-bg:#12261e;
--contradicted:#f85149;--contradicted-bg:#2d1316;--rumoured:#d29922;--rumoured-bg:#272115;
--accent:#4493f8}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px}
a{color:var(--accent)}
.muted{color:var(--muted)}.small{font-size:13px}time{white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:20px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;background:var(--panel)}
.card b{display:block;font-size:28px;line-height:1.2}
.card.confirmed b{color:var(--confirmed)}.card.contradicted b{color:var(--contradicted)}
.card.rumoured b{color:var(--rumoured)}.card.problems b{color:var(--contradicted)}
.card.problems.none b{color:var(--muted)}
.chart{border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.bar{display:grid;grid-template-columns:minmax(0,16em) minmax(0,1fr) 3em;gap:12px;align-items:center;padding:4px 0}
.bar a{text-decoration:none;color:var(--fg);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bar svg{width:100%;height:14px;display:block;border-radius:3px}
.bar span{text-align:right;font-variant-numeric:tabular-nums}
.legend{display:flex;gap:16px;flex-wrap:wrap;margin-top:8px}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.dot.confirmed,.fill-confirmed{background:var(--confirmed);fill:var(--confirmed)}
.dot.contradicted,.fill-contradicted{background:var(--contradicted);fill:var(--contradicted)}
.dot.rumoured,.fill-rumoured{background:var(--rumoured);fill:var(--rumoured)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 12px;padding:12px;
background:var(--panel);border:1px solid var(--line);border-radius:8px}
.filters input,.filters select,.filters button{font:inherit;padding:6px 8px;border:1px solid var(--line);
border-radius:6px;background:var(--bg);color:var(--fg);min-width:0}
.filters input{flex:1 1 14em}.filters select{flex:0 1 12em}
.filters output{margin-left:auto}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:10px 8px;border-bottom:1px solid var(--line)}
thead th{font-size:13px;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
tbody.story th{background:var(--panel);font-size:15px;padding:10px 8px}
tbody.story th .muted{font-weight:400}
col.c-status{width:8.5em}col.c-source{width:11em}col.c-evidence{width:42%}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:13px;font-weight:600;
border:1px solid currentColor;white-space:nowrap}
.badge.confirmed{color:var(--confirmed);background:var(--confirmed-bg)}
.badge.contradicted{color:var(--contradicted);background:var(--contradicted-bg)}
.badge.rumoured{color:var(--rumoured);background:var(--rumoured-bg)}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:4px;border:1px solid var(--line);
color:var(--muted);margin:4px 4px 0 0}
.ref{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;color:var(--muted)}
.ev{margin:0 0 8px}.ev:last-child{margin-bottom:0}
.rel{font-weight:600}.rel.supports{color:var(--confirmed)}.rel.contradicts{color:var(--contradicted)}
.rel.unrelated{color:var(--muted)}
q{display:block;quotes:none;margin:4px 0;padding-left:10px;border-left:3px solid var(--line)}
.terms{margin-top:2px}
.term{display:inline-block;font-size:12px;padding:0 6px;border-radius:4px;margin:2px 4px 0 0}
.term.match{background:var(--confirmed-bg);color:var(--confirmed)}
.term.conflict{background:var(--contradicted-bg);color:var(--contradicted)}
details{margin-top:6px}summary{cursor:pointer;color:var(--muted);font-size:13px}
.problems td{font-size:14px}
.level-error{color:var(--contradicted);font-weight:600}.level-warning{color:var(--rumoured);font-weight:600}
footer{margin-top:32px;font-size:13px;color:var(--muted)}
@media (max-width:720px){
main{padding:16px 12px 40px}
.bar{grid-template-columns:minmax(0,1fr) 2.5em;gap:4px 8px}
.bar a{grid-column:1 / -1}
table.claims,table.claims tbody,table.claims tr,table.claims td,table.claims th{display:block;width:100%}
table.claims thead,table.claims colgroup{display:none}
table.claims tr.claim{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:4px 0}
table.claims td{border:0;padding:6px 12px}
table.claims td[data-label]::before{content:attr(data-label);display:block;font-size:12px;
color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
tbody.story th{border-radius:8px;margin-top:18px}
.filters select{flex:1 1 40%}.filters output{margin-left:0;width:100%}
table.problems td{display:inline-block;border:0;padding:2px 8px 2px 0}
table.problems td:first-child,table.problems td:last-child{display:block}
table.problems tr{display:block;border-bottom:1px solid var(--line);padding:8px 0}
table.problems thead{display:none}
}
""".strip()

SCRIPT = """
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  var q = document.getElementById("q");
  var selects = {status: document.getElementById("f-status"),
    story: document.getElementById("f-story"), source: document.getElementById("f-source")};
  var out = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.claim"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("tbody.story"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function keep() {
    var params = new URLSearchParams();
    if (q.value) { params.set("q", q.value); }
    Object.keys(selects).forEach(function (k) {
      if (selects[k].value) { params.set(k, selects[k].value); }
    });
    var hash = params.toString();
    try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); }
    catch (e) { /* some viewers forbid it; the filter still works */ }
  }
  function apply() {
    var text = q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = !text || texts[i].indexOf(text) >= 0;
      Object.keys(selects).forEach(function (k) {
        if (selects[k].value && r.getAttribute("data-" + k) !== selects[k].value) { ok = false; }
      });
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("tr.claim:not([hidden])"); });
    out.textContent = shown + " of " + rows.length + " claims shown";
  }
  var start = new URLSearchParams(location.hash.slice(1));
  q.value = start.get("q") || "";
  Object.keys(selects).forEach(function (k) {
    var want = start.get(k);
    Array.prototype.forEach.call(selects[k].options, function (o) {
      if (o.value === want) { selects[k].value = want; }
    });
  });
  q.addEventListener("input", function () { apply(); keep(); });
  Object.keys(selects).forEach(function (k) {
    selects[k].addEventListener("change", function () { apply(); keep(); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    q.value = "";
    Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
    apply(); keep();
  });
  bar.hidden = false;
  document.documentElement.setAttribute("data-js", "on");
  apply();
})();
""".strip()


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    "default-src 'none'; "
    f"style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _link(label: str, url: str | None) -> str:
    target = safe_url(url)
    if target is None:
        return h(label)
    return f'<a href="{h(target)}" rel="noopener noreferrer nofollow">{h(label)}</a>'


def _badge(status: Status) -> str:
    return f'<span class="badge {status}">{status}</span>'


def _anchor(story_id: str) -> str:
    return "story-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in story_id)


def _summary(result: CheckResult) -> list[str]:
    counts = result.counts()
    total = sum(counts.values()) or 1
    out = ['<section class="cards" aria-label="Summary">']
    for status in ORDER if result.checked else ():
        share = round(100 * counts[status] / total)
        out.append(
            f'<div class="card {status}"><b>{counts[status]}</b>{status}'
            f' <span class="muted small">{share}%</span></div>'
        )
    errors = len(result.errors)
    warnings = len(result.findings) - errors
    none = "" if result.findings else " none"
    out.append(
        f'<div class="card problems{none}"><b>{len(result.findings)}</b>problems'
        f' <span class="muted small">{plural(errors, "error")}, {plural(warnings, "warning")}</span></div>'
    )
    out.append("</section>")
    return out


def _bar_svg(counts: dict[Status, int]) -> str:
    total = sum(counts.values())
    label = ", ".join(f"{counts[s]} {s}" for s in ORDER)
    parts = [
        '<svg viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" '
        f'aria-label="{label}"><title>{label}</title>'
    ]
    x = 0
    for status in ORDER:
        if not counts[status] or not total:
            continue
        width = round(1000 * counts[status] / total)
        width = min(width, 1000 - x)
        parts.append(
            f'<rect class="fill-{status}" x="{x}" y="0" width="{width}" height="10"></rect>'
        )
        x += width
    if not total:
        parts.append('<rect x="0" y="0" width="1000" height="10" fill="#8c959f33"></rect>')
    parts.append("</svg>")
    return "".join(parts)


def _chart(result: CheckResult) -> list[str]:
    rows = list(result.by_story())
    out = [
        '<h2 id="chart-title">Statuses per story</h2>',
        '<section class="chart" aria-labelledby="chart-title">',
    ]
    for story, verdicts in rows[:CHART_STORIES]:
        counts = {s: sum(1 for v in verdicts if v.status is s) for s in ORDER}
        out.append(
            f'<div class="bar"><a href="#{_anchor(story.id)}" title="{h(story.title)}">'
            f"{h(story.title)}</a>{_bar_svg(counts)}<span>{len(verdicts)}</span></div>"
        )
    if len(rows) > CHART_STORIES:
        out.append(
            f'<p class="muted small">and {len(rows) - CHART_STORIES} more stories '
            "(all of them are in the table below)</p>"
        )
    out.append('<div class="legend small">')
    out += [f'<span><i class="dot {s}"></i>{s}</span>' for s in ORDER]
    out.append("</div></section>")
    return out


def _problems(result: CheckResult) -> list[str]:
    if not result.findings:
        return []
    out = [
        f'<h2 id="problems">Problems ({len(result.findings)})</h2>',
        '<table class="problems"><thead><tr><th>where</th><th>level</th><th>code</th>'
        "<th>message</th></tr></thead><tbody>",
    ]
    for f in result.findings:
        css = "level-error" if f.level is Level.ERROR else "level-warning"
        out.append(
            f'<tr><td class="ref">{h(f.path)}:{f.line}:{f.column}</td>'
            f'<td class="{css}">{f.level}</td><td class="ref">{h(f.code)}</td>'
            f"<td>{h(f.message)}</td></tr>"
        )
    out.append("</tbody></table>")
    return out


def _terms(evidence: Evidence) -> str:
    chips = [f'<span class="term match">{h(t)}</span>' for t in evidence.matched]
    chips += [f'<span class="term conflict">{h(t)}</span>' for t in evidence.conflicts]
    return f'<div class="terms">{"".join(chips)}</div>' if chips else ""


def _evidence(evidence: Evidence, statement: Statement | None) -> str:
    date = evidence.date or (statement.date if statement else None)
    head = [
        f'<span class="rel {h(str(evidence.relation))}">{h(str(evidence.relation))}</span>',
        f'<span class="ref">{h(evidence.statement)}</span>',
    ]
    if statement is not None and statement.source:
        head.append("· " + _link(statement.source, statement.url))
    if date:
        head.append(f'· <time class="muted">{h(date)}</time>')
    head.append(f'<span class="muted small">score {evidence.score:.0f}</span>')
    parts = [f'<div class="ev">{" ".join(head)}']
    if statement is not None:
        parts.append(f"<q>{h(statement.text)}</q>")
    if evidence.detail:
        parts.append(f'<div class="small">{h(evidence.detail)}</div>')
    parts.append(_terms(evidence))
    parts.append("</div>")
    return "".join(parts)


def _evidence_cell(verdict: Verdict, index: dict[str, Statement]) -> str:
    parts = []
    if verdict.manual:
        parts.append(
            f'<div class="ev"><span class="rel">manual verdict</span> '
            f'<span class="muted small">(engine says {verdict.computed})</span>'
            f'<div class="small">{h(verdict.claim.reason or "")}</div></div>'
        )
    parts += [_evidence(e, statement_of(index, verdict, e)) for e in verdict.evidence]
    count = len(verdict.near_misses)
    settle = "settles" if count == 1 else "settle"
    if count and verdict.status is Status.RUMOURED:
        misses = "".join(_evidence(e, statement_of(index, verdict, e)) for e in verdict.near_misses)
        parts.append(
            f"<details><summary>{plural(count, 'related statement')} that {settle} "
            f"nothing</summary>{misses}</details>"
        )
    elif count:
        # A settled claim's evidence says why; its near misses are named only, so a
        # large report stays light (the JSON report and `tracker explain` have them).
        parts.append(
            f'<div class="muted small">{plural(count, "other related statement")} {settle} '
            f"nothing: <code>tracker explain {h(verdict.claim.ref)}</code></div>"
        )
    if not parts:
        parts.append('<span class="muted">no official statement addresses it yet</span>')
    return "".join(parts)


def _claim_row(verdict: Verdict, index: dict[str, Statement]) -> str:
    claim = verdict.claim
    tags = []
    if verdict.manual:
        tags.append('<span class="tag">manual</span>')
    if verdict.review:
        tags.append(f'<span class="tag" title="{h(verdict.review)}">review</span>')
    facts = [
        f"{name}: {h(value)}"
        for name, value in (("subject", claim.subject), ("attribute", claim.attribute))
        if value
    ]
    if claim.value:
        facts.append(f"value: {h(claim.value)}")
    review = f'<div class="small">⚠ {h(verdict.review)}</div>' if verdict.review else ""
    source = _link(claim.source, claim.url) if claim.source else '<span class="muted">—</span>'
    reported = (
        f'<div class="muted small">reported <time>{h(claim.reported)}</time></div>'
        if claim.reported
        else ""
    )
    return (
        f'<tr class="claim" id="{h(_anchor(claim.story))}--{h(claim.id)}" '
        f'data-status="{verdict.status}" data-story="{h(claim.story)}" '
        f'data-source="{h(claim.source or "")}">'
        f"<td>{_badge(verdict.status)}{''.join(tags)}</td>"
        f'<td data-label="claim">{h(claim.text)}'
        f'<div class="ref">{h(claim.ref)} · {h(claim.location.path)}:{claim.location.line}</div>'
        + (f'<div class="muted small">{" · ".join(facts)}</div>' if facts else "")
        + f"{review}</td>"
        f'<td data-label="source">{source}{reported}</td>'
        f'<td data-label="evidence">{_evidence_cell(verdict, index)}</td></tr>'
    )


def _options(values: list[tuple[str, str]], everything: str) -> str:
    items = [f'<option value="">{everything}</option>']
    items += [f'<option value="{h(v)}">{h(label)}</option>' for v, label in values]
    return "".join(items)


def _filters(result: CheckResult) -> list[str]:
    stories = [(s.id, s.title) for s in result.stories]
    sources = sorted({v.claim.source for v in result.verdicts if v.claim.source})
    return [
        '<form class="filters" id="filters" role="search" hidden>',
        '<input id="q" type="search" placeholder="Find a claim by text…" aria-label="Find a claim by text">',
        '<select id="f-status" aria-label="Status">'
        + _options([(str(s), str(s)) for s in ORDER], "all statuses")
        + "</select>",
        '<select id="f-story" aria-label="Story">' + _options(stories, "all stories") + "</select>",
        '<select id="f-source" aria-label="Source">'
        + _options([(s, s) for s in sources], "all sources")
        + "</select>",
        '<button type="button" id="reset">Reset</button>',
        '<output id="shown" class="muted small"></output>',
        "</form>",
    ]


def _claims(result: CheckResult) -> list[str]:
    index = statement_index(result)
    out = [
        f'<h2 id="claims">Claims ({len(result.verdicts)})</h2>',
        *_filters(result),
        '<table class="claims"><colgroup><col class="c-status"><col><col class="c-source">'
        '<col class="c-evidence"></colgroup>',
        "<thead><tr><th>status</th><th>claim</th><th>source</th><th>evidence</th></tr></thead>",
    ]
    for story, verdicts in result.by_story():
        out.append(
            f'<tbody class="story" data-story="{h(story.id)}"><tr>'
            f'<th colspan="4" id="{h(_anchor(story.id))}">{h(story.title)} '
            f'<span class="ref">{h(story.id)} · {h(story.path)}</span> '
            f'<span class="muted small">{plural(len(verdicts), "claim")}, '
            f"{plural(len(story.statements), 'statement')}</span></th></tr>"
        )
        out += [_claim_row(v, index) for v in verdicts]
        out.append("</tbody>")
    out.append("</table>")
    return out


def _subtitle(result: CheckResult) -> str:
    if not result.checked:
        return f"{plural(len(result.files), 'file')} validated"
    total = len(result.verdicts)
    return (
        f"{plural(total, 'claim')} in {plural(len(result.stories), 'story')}, "
        "checked against official statements"
    )


def render(result: CheckResult, options: RenderOptions) -> str:
    counts = result.counts()
    total = sum(counts.values())
    title = "tracker report"
    lines = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}: {plural(total, 'claim')}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        "<h1>Rumour tracker report</h1>",
        f'<p class="muted">{_subtitle(result)} · tracker {h(__version__)}</p>',
        "</header>",
        *_summary(result),
    ]
    if result.checked and result.stories:
        lines += _chart(result)
    lines += _problems(result)
    if result.checked:
        lines += _claims(result)
    lines += [
        "<footer><p><b>confirmed</b>: an official statement says the claim is true · "
        "<b>contradicted</b>: an official statement shows it is false · "
        "<b>rumoured</b>: no official statement settles it yet.</p></footer>",
        "</main>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
