/**
 * The preview's web page: the edition's pages side by side at any zoom, the proof marks on or
 * off, the audit's findings in a panel (each a link to its place on its page), and a banner for
 * a build that failed, over the last good pages. It follows the builds through Server-Sent
 * Events and fetches only the pages that changed, keeping the scroll and the zoom.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#8a8f96;color:#111}
header{position:sticky;top:0;z-index:3;display:flex;gap:16px;align-items:center;padding:6px 12px;background:#f4f4f2;border-bottom:1px solid #999}
header h1{font-size:15px;margin:0 12px 0 0}
#status{color:#555;margin-left:auto}
#banner{display:none;position:sticky;top:38px;z-index:2;margin:0;padding:8px 12px;background:#b00020;color:#fff;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}
#banner.shown{display:block}
main{display:flex;align-items:flex-start}
#pages{flex:1;display:flex;flex-wrap:wrap;gap:24px;padding:24px;align-items:flex-start}
figure{margin:0;position:relative;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.4)}
figure img{display:block;width:100%;height:100%}
figcaption{position:absolute;top:-20px;left:0;color:#fff;font-size:12px}
.mark{position:absolute;border:3px solid #ff6d00;background:rgba(255,109,0,.15);pointer-events:none;animation:flash 1.6s ease-out 2}
@keyframes flash{50%{opacity:.2}}
aside{width:340px;max-height:calc(100vh - 38px);overflow:auto;position:sticky;top:38px;background:#fafafa;border-left:1px solid #999;padding:8px}
aside h2{font-size:13px;margin:4px 0 8px}
aside ol{margin:0;padding:0;list-style:none}
aside li{margin:0 0 8px}
aside a{color:inherit;text-decoration:none;display:block;padding:4px 6px;border-left:4px solid #e0a000;background:#fff}
aside a.error{border-left-color:#b00020}
aside a:hover{background:#eef}
aside .where{font:12px ui-monospace,monospace;color:#333}
`;

const SCRIPT = `
const PX_PER_PT = 96 / 72;
let state = null;
let zoom = 0.5;
let proof = false;
const pages = document.getElementById('pages');
const banner = document.getElementById('banner');
const statusLine = document.getElementById('status');
const list = document.getElementById('findings');
const zoomInput = document.getElementById('zoom');
const proofInput = document.getElementById('proof');
const pageUrl = (p) => '/page/' + p.number + '.svg?' + (proof ? 'proof=1&' : '') + 'v=' + p.version;

function layout() {
  for (const fig of pages.children) {
    const p = state.pages.find((q) => String(q.number) === fig.dataset.page);
    if (!p) continue;
    fig.style.width = (p.width * PX_PER_PT * zoom) + 'px';
    fig.style.height = (p.height * PX_PER_PT * zoom) + 'px';
  }
}

function render(next) {
  state = next;
  document.title = (next.title || 'banmian') + ' · preview';
  document.getElementById('title').textContent = next.title || '';
  const wanted = new Set(next.pages.map((p) => String(p.number)));
  for (const fig of [...pages.children]) if (!wanted.has(fig.dataset.page)) fig.remove();
  next.pages.forEach((p, i) => {
    let fig = pages.querySelector('figure[data-page="' + p.number + '"]');
    if (!fig) {
      fig = document.createElement('figure');
      fig.dataset.page = String(p.number);
      fig.id = 'page-' + p.number;
      fig.innerHTML = '<figcaption></figcaption><img alt="">';
      pages.insertBefore(fig, pages.children[i] || null);
    }
    fig.querySelector('figcaption').textContent = p.label;
    const img = fig.querySelector('img');
    img.alt = p.label;
    const url = pageUrl(p);
    if (img.getAttribute('src') !== url) img.setAttribute('src', url);
    fig.dataset.version = p.version;
  });
  layout();
  list.innerHTML = '';
  for (const f of next.findings) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#page-' + f.page;
    a.className = f.severity;
    a.dataset.code = f.code;
    a.innerHTML = '<span class="where"></span><br><b></b> <span class="msg"></span>';
    a.querySelector('.where').textContent = f.where + ' · page ' + f.page + (f.article === '#page' ? '' : ' · ' + f.article);
    a.querySelector('b').textContent = '[' + f.code + ']';
    a.querySelector('.msg').textContent = f.message;
    a.title = f.hint;
    a.addEventListener('click', (e) => { e.preventDefault(); show(f); });
    li.append(a);
    list.append(li);
  }
  document.getElementById('count').textContent = next.findings.length + (next.findings.length === 1 ? ' finding' : ' findings');
  banner.textContent = next.error || '';
  banner.classList.toggle('shown', Boolean(next.error));
  statusLine.textContent = 'build ' + next.build + ' · ' + next.ms + ' ms';
}

/** Scroll to a finding's page and flash its place. */
function show(f) {
  const fig = document.getElementById('page-' + f.page);
  if (!fig) return;
  fig.querySelectorAll('.mark').forEach((m) => m.remove());
  if (f.at) {
    const s = PX_PER_PT * zoom;
    const mark = document.createElement('div');
    mark.className = 'mark';
    Object.assign(mark.style, { left: f.at.x * s + 'px', top: f.at.y * s + 'px', width: Math.max(8, f.at.width * s) + 'px', height: Math.max(8, f.at.height * s) + 'px' });
    fig.append(mark);
    mark.scrollIntoView({ block: 'center', inline: 'center' });
  } else fig.scrollIntoView({ block: 'start' });
}

zoomInput.addEventListener('input', () => { zoom = Number(zoomInput.value) / 100; document.getElementById('zoomValue').textContent = zoomInput.value + '%'; if (state) layout(); });
proofInput.addEventListener('change', () => { proof = proofInput.checked; if (state) render(state); });
const events = new EventSource('/events');
events.addEventListener('build', (e) => render(JSON.parse(e.data)));
`;

/** The page, for an edition folder's name. */
export function viewerHtml(name: string): string {
  const title = name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><title>${title} · preview</title><style>${STYLE}</style></head>
<body>
<header><h1 id="title">${title}</h1>
<label>zoom <input id="zoom" type="range" min="10" max="200" step="5" value="50"> <span id="zoomValue">50%</span></label>
<label><input id="proof" type="checkbox"> proof marks</label>
<span id="status">building…</span></header>
<pre id="banner" role="alert"></pre>
<main><div id="pages"></div><aside><h2 id="count"></h2><ol id="findings"></ol></aside></main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
