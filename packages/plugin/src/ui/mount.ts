import type { LocaleKey, TextDirection } from '@open-liveness/locales';
import { h, render } from 'preact';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { defaultStyle, type NormalizedStyle, styleToCssVars } from '../style/index.js';
import { App, type UiEvents } from './App.js';

/** Spec defaults the screens replace with darker colours to meet WCAG AA (docs/screens.md). */
const AA_FALLBACKS: ReadonlySet<string> = new Set([
  '--oz-button-customization-background-color-primary',
  '--oz-button-customization-text-color-secondary',
  '--oz-base-color-customization-text-color-secondary',
]);

/** Language and look of one session's dialog. */
export interface UiLook {
  /** BCP 47 tag for the `lang` attribute. */
  lang: string;
  dir: TextDirection;
  /** The normalised `open({style})`; its fields become `--oz-*` custom properties on the dialog root. */
  style?: NormalizedStyle;
  /**
   * The plugin's stylesheet (parts.css, fetched at open()): the screens (ui/screens.css), then the parts
   * (banner, version label, gesture hint, mask). Kept out of the script for its size budget.
   */
  parts?: string;
  /** CSP nonce for the inline <style> fallback (only where constructable stylesheets are missing). */
  nonce?: string;
}

/**
 * Mounts the UI in its own shadow root on document.body; returns the unmount function. While it is open the
 * rest of the page is inert (no focus, no clicks, hidden from screen readers), and focus goes back to the
 * element that had it when the dialog closes.
 */
export function mountUi(
  view: Store<ViewState>,
  t: (key: LocaleKey) => string,
  events: UiEvents,
  look: UiLook = { lang: 'en', dir: 'ltr' },
): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.createElement('div');
  host.setAttribute('data-oz-liveness', '');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not inline style for CSP, so host pages need no style-src 'unsafe-inline'.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(look.parts ?? '');
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    if (look.nonce) style.nonce = look.nonce;
    style.textContent = look.parts ?? '';
    root.append(style);
  }
  const container = document.createElement('div');
  container.className = 'ol-root';
  container.setAttribute('part', 'root');
  container.lang = look.lang;
  container.dir = look.dir;
  const theme = look.style ?? defaultStyle();
  // Every field is a custom property, except the few spec defaults that fail WCAG AA text contrast: left
  // unset, the stylesheet's darker fallbacks apply until the page chooses its own colour.
  const defaults = styleToCssVars(defaultStyle());
  for (const [name, value] of Object.entries(styleToCssVars(theme)))
    if (!(AA_FALLBACKS.has(name) && defaults[name] === value)) container.style.setProperty(name, value);
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
  render(h(App, { view, t, events, lang: look.lang, dir: look.dir, style: theme }), container);
  return () => {
    unsubscribe();
    render(null, container);
    host.remove();
    setInert(false);
    if (opener?.isConnected) opener.focus();
  };
}
