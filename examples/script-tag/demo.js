// The demo page's script, kept in plain JavaScript on purpose: this is what an integrator pastes into a page.
// In its own file (not inline) so the page runs under a strict Content-Security-Policy (docs/embedding.md).
const events = document.getElementById('events');
const payload = document.getElementById('payload');
const frames = document.getElementById('frames');
const verdict = document.getElementById('verdict');
// This page's backend is the adapter that serves the plugin (here it stands in for your own server).
const backend = new URL('.', document.querySelector('script[src$="plugin_liveness.js"]').src);
window.demoEvents = [];

function record(name, data) {
  window.demoEvents.push({ name, data });
  const li = document.createElement('li');
  li.textContent = name;
  li.dataset.event = name;
  events.append(li);
}

// Shows a capture payload without dumping megabytes of data URLs into the page.
function summarise(result) {
  const media = result.from_virtual_camera || result;
  frames.replaceChildren(
    ...(media.frame_list || []).slice(0, 12).map((src) => Object.assign(new Image(), { src, alt: '' })),
  );
  const short = (v) => (typeof v === 'string' && v.startsWith('data:') ? `${v.slice(0, 40)}…` : v);
  return JSON.stringify(
    result,
    (k, v) => (Array.isArray(v) && k === 'frame_list' ? v.map(short) : short(v)),
    2,
  );
}

// The recommended way to a verdict: on_complete says the analysis finished; the page then asks its own
// backend, which looks the folder up in the analysis API by transaction_id and decides. Never trust a verdict
// the browser computed.
async function showVerdict(transactionId) {
  const res = await fetch(new URL(`api/v1/demo/verdicts/${encodeURIComponent(transactionId)}`, backend));
  const body = await res.json();
  window.demoVerdict = body;
  verdict.textContent = JSON.stringify(body, null, 2);
  verdict.dataset.verdict = res.ok ? String(body.passed) : body.code;
  verdict.hidden = false;
}

document.getElementById('start').addEventListener('click', () => {
  const transactionId = crypto.randomUUID();
  verdict.hidden = true;
  delete verdict.dataset.verdict;
  window.demoVerdict = undefined;
  OzLiveness.open({
    action: ['video_selfie_blank'],
    // transaction_id: what the backend finds the folder by; source: what the demo's backend route answers for.
    meta: { transaction_id: transactionId, source: 'demo_page' },
    on_capture_complete(result) {
      record('on_capture_complete', result);
      payload.textContent = summarise(result);
    },
    on_error(error) {
      record('on_error', error);
      payload.textContent = JSON.stringify(error, null, 2);
    },
    on_submit() {
      record('on_submit');
    },
    on_result(result) {
      record('on_result', result);
    },
    on_complete(result) {
      record('on_complete', result);
      payload.textContent = JSON.stringify(result, null, 2);
      showVerdict(transactionId).catch((error) => {
        window.demoVerdict = { code: 'verdict_unreachable', message: String(error) };
      });
    },
    on_close() {
      record('on_close');
    },
  });
});
