// @vitest-environment node
import { createElement, StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Browser globals an SSR-unsafe module would reach for. Each is a trap: reading it (even `typeof x`) records it.
const BROWSER_GLOBALS = ['window', 'document', 'HTMLElement', 'customElements', 'localStorage', 'self'];
const touched: string[] = [];

// Imported inside the tests (after the traps are set), used by this module-level component.
type Bindings = typeof import('../src/index.js');
let bindings: Bindings | null = null;

function StartButton() {
  const liveness = (bindings as Bindings).useOzLiveness({ baseUrl: 'https://liveness.example/' });
  return createElement('button', { type: 'button', onClick: () => liveness.open() }, 'Start');
}

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    expect(name in globalThis, `${name} already defined in this Node`).toBe(false);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});

afterAll(() => {
  for (const name of BROWSER_GLOBALS) Reflect.deleteProperty(globalThis, name);
});

describe('server-side rendering', () => {
  it('imports the plugin and the React bindings without touching browser globals', async () => {
    const plugin = await import('@open-liveness/plugin');
    const react = await import('../src/index.js');
    const api = plugin.createOzLiveness({ baseUrl: 'https://liveness.example/' });
    expect(api.get_langs()).toContain('en');
    expect(typeof react.OzLivenessCapture).toBe('function');
    expect(touched).toEqual([]);
  });

  it('renders the component and a hook user with react-dom/server, touching no window or document', async () => {
    bindings = await import('../src/index.js');
    const { OzLivenessCapture } = bindings;
    const html = renderToString(
      createElement(
        StrictMode,
        null,
        createElement('main', null, [
          createElement(OzLivenessCapture, {
            key: 'capture',
            baseUrl: 'https://liveness.example/',
            action: ['video_selfie_blank'],
            on_complete: () => undefined,
          }),
          createElement(StartButton, { key: 'button' }),
        ]),
      ),
    );
    expect(html).toBe('<main><button type="button">Start</button></main>');
    expect(touched).toEqual([]);
  });
});
