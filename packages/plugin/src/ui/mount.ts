import { h, render } from 'preact';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { App } from './App.js';
import { STYLES } from './styles.js';

/** Mounts the UI in its own shadow root on document.body; returns the unmount function. */
export function mountUi(
  view: Store<ViewState>,
  t: (key: string) => string,
  onClose: () => void,
  nonce?: string,
): () => void {
  const host = document.createElement('div');
  host.setAttribute('data-oz-liveness', '');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not inline markup, so a strict CSP (no 'unsafe-inline') needs no exception;
  // without that API the <style> carries the page's nonce.
  if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = STYLES;
    root.append(style);
  }
  const container = document.createElement('div');
  root.append(container);
  document.body.append(host);
  render(h(App, { view, t, onClose }), container);
  return () => {
    render(null, container);
    host.remove();
  };
}
