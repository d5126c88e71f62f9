import { h, render } from 'preact';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { App, type UiEvents } from './App.js';
import { STYLES } from './styles.js';

/**
 * Mounts the UI in its own shadow root on document.body; returns the unmount function. While it is open the
 * rest of the page is inert (no focus, no clicks, hidden from screen readers), and focus goes back to the
 * element that had it when the dialog closes.
 */
export function mountUi(view: Store<ViewState>, t: (key: string) => string, events: UiEvents): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.createElement('div');
  host.setAttribute('data-oz-liveness', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLES;
  root.append(style);
  const container = document.createElement('div');
  root.append(container);
  const madeInert: HTMLElement[] = [];
  const setInert = (on: boolean) => {
    if (!on) {
      for (const el of madeInert.splice(0)) el.inert = false;
      return;
    }
    for (const el of Array.from(document.body.children)) {
      if (el instanceof HTMLElement && el !== host && !el.inert && el.tagName !== 'SCRIPT') {
        el.inert = true;
        madeInert.push(el);
      }
    }
  };
  document.body.append(host);
  setInert(!view.get().hidden);
  // hide() hands the page back: nothing stays inert while the dialog is invisible.
  const unsubscribe = view.subscribe((v) => {
    if (v.hidden && madeInert.length > 0) setInert(false);
  });
  render(h(App, { view, t, events }), container);
  return () => {
    unsubscribe();
    render(null, container);
    host.remove();
    setInert(false);
    if (opener?.isConnected) opener.focus();
  };
}
