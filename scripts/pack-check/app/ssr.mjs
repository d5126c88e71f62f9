// Server-side rendering with the installed packages: no browser global may be touched.
const touched = [];
for (const name of ['window', 'document', 'HTMLElement', 'customElements', 'localStorage', 'self']) {
  Object.defineProperty(globalThis, name, { configurable: true, get: () => void touched.push(name) });
}
const { createElement } = await import('react');
const { renderToString } = await import('react-dom/server');
const { createOzLiveness } = await import('@open-liveness/plugin');
const { OzLivenessCapture } = await import('@open-liveness/react');
createOzLiveness({ baseUrl: 'https://liveness.example/' });
const html = renderToString(
  createElement('div', null, createElement(OzLivenessCapture, { baseUrl: 'https://liveness.example/' })),
);
if (html !== '<div></div>' || touched.length > 0) {
  console.error(`SSR touched ${touched.join(', ') || 'nothing'}; rendered ${html}`);
  process.exit(1);
}
console.log('ssr ok');
