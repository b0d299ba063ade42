/**
 * @module pilot/report/html-style
 * The HTML report's inline stylesheet and its few lines of script (expand / collapse all). Light
 * colours, verdicts told by a mark as well as a colour, and a print layout that keeps the colours.
 */

export const CSS = `:root{--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--skip:#57606a;--skip-bg:#eaeef2;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:76rem;padding:1.5rem 1.2rem 3rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:0}h3{font-size:.95rem;margin:1rem 0 .4rem}
.meta{color:var(--muted);margin:0 0 1rem}.meta b{color:#1f2328;font-weight:600}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;margin:.2rem 0;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
/* verdict colour on marks and labels only: sections and details carry the class for their border */
:is(span,td).passed{color:var(--pass)}:is(span,td).failed{color:var(--fail)}:is(span,td).skipped{color:var(--skip)}
.bar{display:flex;height:14px;border-radius:7px;overflow:hidden;background:var(--skip-bg);margin:.4rem 0}
.bar span{display:block}.bar .passed{background:var(--pass)}.bar .failed{background:var(--fail)}.bar .skipped{background:#afb8c1}
.counts{display:flex;gap:1.4rem;flex-wrap:wrap;font-weight:600;margin-bottom:1.2rem}.counts .muted{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.matrix td.name{width:16rem}.matrix td.name a{font-weight:600;color:#1f2328}.matrix .quirk{display:block;color:var(--muted);font-size:.8rem}
.cells{display:flex;flex-wrap:wrap;gap:.3rem}
.cell{color:#1f2328;display:inline-block;max-width:22rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;border-radius:4px;padding:.1rem .45rem;font-size:.82rem;text-decoration:none;border:1px solid}
.cell.passed{background:var(--pass-bg);border-color:#aceebb}.cell.failed{background:var(--fail-bg);border-color:#ffcecb;font-weight:600}.cell.skipped{background:var(--skip-bg);border-color:var(--line)}
.badge{display:inline-block;border-radius:2em;padding:0 .55rem;font-size:.78rem;font-weight:600;border:1px solid currentColor}
.badge.success,.badge.passed{color:var(--pass)}.badge.failure,.badge.failed{color:var(--fail)}.badge.skipped,.badge.other{color:var(--skip)}.badge.warning{color:#9a6700}
section.scenario{border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;margin:1.2rem 0}
section.scenario.failed{border-left:4px solid var(--fail)}section.scenario.passed{border-left:4px solid var(--pass)}section.scenario.skipped{border-left:4px solid #afb8c1}
.shead{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}.shead .muted,.muted{color:var(--muted)}
.note{margin:.4rem 0;padding:.4rem .6rem;border-radius:6px;background:var(--skip-bg)}.note.error{background:var(--fail-bg)}
details.exp{border-top:1px solid var(--line);padding:.3rem 0}details.exp>summary{cursor:pointer;list-style-position:outside;margin-left:1rem}
details.exp>summary .vals{color:var(--muted);font-size:.82rem;margin-left:.4rem}
details.exp.failed{background:#fffafa}details.exp .body{margin:.3rem 0 .6rem 1rem}
.kind{font-size:.72rem;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 .3rem;margin:0 .3rem}
.message{font-weight:600;color:var(--fail);margin:.3rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.7rem}.pair .label{font-size:.75rem;text-transform:uppercase;color:var(--muted)}
.entry,.request{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;margin:.4rem 0;break-inside:avoid}
.entry dl{display:grid;grid-template-columns:max-content 1fr;gap:.05rem .8rem;margin:.3rem 0;font-size:.85rem}.entry dt{color:var(--muted)}.entry dd{margin:0}
.steps{margin:.3rem 0;padding-left:1.3rem;font-size:.85rem}.steps li{margin:.1rem 0}
.props{font-size:.85rem;margin:.3rem 0}.props td{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.http{font-weight:700}.http.ok{color:var(--pass)}.http.bad{color:var(--fail)}
.toolbar{margin:.6rem 0;display:flex;gap:.5rem}.toolbar button{font:inherit;font-size:.82rem;padding:.15rem .6rem;border:1px solid var(--line);border-radius:6px;background:#f6f8fa;cursor:pointer}
@media (max-width:700px){.pair{grid-template-columns:1fr}.matrix td.name{width:auto}}
@media print{body{max-width:none;padding:0;font-size:12px}.toolbar{display:none}a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}section.scenario{break-inside:auto}.matrix tr{break-inside:avoid}
pre{white-space:pre-wrap;overflow:visible}}`;

export const SCRIPT = `document.querySelectorAll('.toolbar button').forEach(function(b){b.addEventListener('click',function(){
var open=b.dataset.open==='all';document.querySelectorAll('details.exp').forEach(function(d){d.open=open||d.classList.contains('failed');});});});`;
