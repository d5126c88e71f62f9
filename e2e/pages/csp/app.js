// No inline script, no inline style, no eval: everything the page runs comes from files.
window.demoEvents = [];
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
const record = (name) => (data) => {
  window.demoEvents.push({ name, data });
  const li = document.createElement('li');
  li.dataset.event = name;
  li.textContent = name;
  document.getElementById('events').append(li);
};
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('start').addEventListener('click', () => {
    OzLiveness.open({
      action: ['video_selfie_blank'],
      nonce: document.querySelector('script[nonce]')?.nonce,
      on_capture_complete: record('on_capture_complete'),
      on_complete: record('on_complete'),
      on_error: record('on_error'),
      on_close: record('on_close'),
    });
  });
});
