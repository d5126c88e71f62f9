import type { LocaleKey, TextDirection } from '@open-liveness/locales';
import { h, render } from 'preact';
import type { Store } from '../flow/store.js';
import type { ViewState } from '../flow/view-state.js';
import { defaultStyle, type NormalizedStyle, styleToCssVars } from '../style/index.js';
import { App } from './App.js';
import { STYLES } from './styles.js';

/** Language and look of one session's dialog. */
export interface UiLook {
  /** BCP 47 tag for the `lang` attribute. */
  lang: string;
  dir: TextDirection;
  /** The normalised `open({style})`; its fields become `--oz-*` custom properties on the dialog root. */
  style?: NormalizedStyle;
}

/** Mounts the UI in its own shadow root on document.body; returns the unmount function. */
export function mountUi(
  view: Store<ViewState>,
  t: (key: LocaleKey) => string,
  onClose: () => void,
  look: UiLook = { lang: 'en', dir: 'ltr' },
): () => void {
  const host = document.createElement('div');
  host.setAttribute('data-oz-liveness', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLES;
  root.append(style);
  const container = document.createElement('div');
  container.className = 'ol-root';
  container.setAttribute('part', 'root');
  container.lang = look.lang;
  container.dir = look.dir;
  const theme = look.style ?? defaultStyle();
  for (const [name, value] of Object.entries(styleToCssVars(theme))) container.style.setProperty(name, value);
  root.append(container);
  document.body.append(host);
  render(h(App, { view, t, onClose, lang: look.lang, dir: look.dir, style: theme }), container);
  return () => {
    render(null, container);
    host.remove();
  };
}
