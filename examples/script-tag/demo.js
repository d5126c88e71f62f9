// The demo page's script, kept in plain JavaScript on purpose: this is what an integrator pastes into a page.
// In its own file (not inline) so the page runs under a strict Content-Security-Policy (docs/embedding.md).
const events = document.getElementById('events');
const payload = document.getElementById('payload');
const frames = document.getElementById('frames');
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

document.getElementById('start').addEventListener('click', () => {
  OzLiveness.open({
    action: ['video_selfie_blank'],
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
    },
    on_close() {
      record('on_close');
    },
  });
});
