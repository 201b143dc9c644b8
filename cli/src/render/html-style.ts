/**
 * The style sheet of the HTML report, inline in its `<style>` element: system fonts only (no
 * font file is fetched), tables that fit a screen and an A4 page, and print rules (headers
 * repeated on each page, rows not split, colours kept, one report per page).
 *
 * @internal
 */

/** The CSS of the HTML report. */
export const HTML_STYLE = `
:root{--ink:#1f2328;--muted:#59636e;--rule:#d1d9e0;--zebra:#f6f8fa;--red:#c62828;--amber:#b26a00;
--green:#1a7f37;--blue:#2f6fba;--cyan:#0e7490;--track:#e7ebef;--time:#6f42c1}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC",
"Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:1280px;margin:0 auto;padding:24px}
h1{font-size:1.5em;margin:0 0 .25em}h2{font-size:1.15em;margin:1.6em 0 .5em;padding-bottom:.2em;
border-bottom:1px solid var(--rule)}h3{font-size:1em;margin:1.2em 0 .4em}
p{margin:.3em 0}.muted{color:var(--muted)}.file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
overflow-wrap:anywhere}
table.overview td:first-child{min-width:16em}table.overview thead th{white-space:normal}
.summary{font-weight:600}
.counts span{display:inline-block;padding:0 .5em;border-radius:1em;margin-right:.4em;font-weight:600}
.counts .error{background:#fde7e7;color:var(--red)}.counts .warning{background:#fff3d6;color:var(--amber)}
.counts .info{background:#e6f0fa;color:var(--blue)}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-variant-numeric:tabular-nums}
th,td{padding:3px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{background:var(--zebra);font-weight:600;border-bottom:2px solid var(--rule);white-space:nowrap}
tbody tr:nth-child(even) td{background:#fbfcfd}
td.num,th.num{text-align:right;white-space:nowrap}td.c,th.c{text-align:center}
td.chart{width:172px;padding-top:5px;padding-bottom:0}
tr.group th{background:#fff;font-weight:600;color:var(--muted);padding-top:8px}
tr:target td,li:target,tr:target th,section:target h2{background:#fff8c5 !important}
.d1{padding-left:1.6em}.d2{padding-left:3em}.d3{padding-left:4.4em}.d4{padding-left:5.8em}
.mark{font-weight:700}.m-red{color:var(--red)}.m-yellow{color:var(--amber)}.m-green{color:var(--green)}
.m-cyan{color:var(--cyan)}.m-dim{color:var(--muted)}
.pill{display:inline-block;padding:0 .45em;border-radius:.3em;white-space:nowrap}
.pill.m-red{background:#fde7e7}.pill.m-yellow{background:#fff3d6}.pill.m-green{background:#e3f4e6}
.pill.m-cyan{background:#e0f2f5}.pill.m-dim{background:var(--zebra)}
a{color:var(--blue);text-decoration:none}a:hover{text-decoration:underline}
a.sev{font-weight:700;margin-right:.25em}a.sev.error{color:var(--red)}a.sev.warning{color:var(--amber)}
a.sev.info{color:var(--blue)}
svg.bar{display:block}svg.bar .track{fill:var(--track)}svg.bar .fill.ok{fill:var(--blue)}
svg.bar .fill.over,svg.bar .fill.red{fill:var(--red)}svg.bar .fill.amber{fill:#e0a100}
svg.bar .fill.green{fill:var(--green)}svg.bar .full{stroke:var(--ink);stroke-width:1.5}
svg.bar .time{stroke:var(--time);stroke-width:2;stroke-dasharray:2 2}svg.bar .cut{stroke:#fff;stroke-width:1.5}
ol.findings{margin:.2em 0 1em;padding-left:2.2em}ol.findings li{margin:.25em 0;padding:2px 4px}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;color:var(--muted)}
.note{font-size:.92em;color:var(--muted)}
article.report+article.report{margin-top:3em;padding-top:1em;border-top:3px solid var(--rule)}
footer{max-width:1280px;margin:0 auto;padding:0 24px 24px;font-size:.85em;color:var(--muted)}
@media print{
@page{size:A4;margin:12mm}
body{font-size:9pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0}
thead{display:table-header-group}tr,li{break-inside:avoid}h2,h3{break-after:avoid}
article.report+article.report{break-before:page;border-top:0;margin-top:0}
a{color:inherit}tr:target td,li:target{background:none !important}
}
`;
