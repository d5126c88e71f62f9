// The page's side: capture with the plugin, hand the frames to our backend, show what it decided.
const events = document.getElementById('events');
const verdict = document.getElementById('verdict');

function record(name, detail) {
  const li = document.createElement('li');
  li.dataset.event = name;
  li.textContent = detail ? `${name}: ${detail}` : name;
  events.append(li);
}

async function askBackend(transactionId, result) {
  // Shape B (a virtual camera was seen) keeps the media under from_virtual_camera: send it all the same,
  // the backend and the analysis API decide (additional_info carries the evidence).
  const media = result.from_virtual_camera ?? result;
  const res = await fetch('/api/liveness', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      transaction_id: transactionId,
      action: result.action,
      additional_info: media.additional_info,
      frames: media.frame_list,
    }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body.message ?? `backend answered ${res.status}`);
  return body;
}

document.getElementById('start').addEventListener('click', () => {
  const transactionId = crypto.randomUUID();
  OzLiveness.open({
    action: ['video_selfie_blank'],
    meta: { transaction_id: transactionId },
    on_capture_complete(result) {
      record('on_capture_complete');
      askBackend(transactionId, result).then(
        (decision) => {
          verdict.dataset.verdict = '';
          verdict.textContent = JSON.stringify(decision, null, 2);
          record('decision', decision.state === 'done' ? (decision.passed ? 'passed' : 'failed') : 'pending');
        },
        (error) => {
          verdict.dataset.error = 'backend';
          verdict.textContent = String(error.message);
          record('backend_error', error.message);
        },
      );
    },
    on_error(error) {
      record('on_error', error.code);
    },
    on_close() {
      record('on_close');
    },
  });
});
