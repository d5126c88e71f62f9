// Script-tag entry: defines window.OzLiveness. The adapter base URL is where this script came from.
import { createOzLiveness } from './api.js';
import { parsePreinit } from './preinit/preinit.js';

/**
 * The adapter writes its `preinit` setting over this token when it serves the script, padded with
 * spaces to the token's length so the source map stays aligned. JSON.parse keeps the minifier from
 * folding the placeholder into a constant.
 */
const PREINIT: unknown = JSON.parse('"__OPEN_LIVENESS_PREINIT__"');

const script = document.currentScript as HTMLScriptElement | null;

function scriptBaseUrl(): string {
  const src = script?.src || `${location.origin}/plugin_liveness.js`;
  return new URL('.', src).href;
}

declare global {
  interface Window {
    OzLiveness: ReturnType<typeof createOzLiveness>;
  }
}

// `<script src=".../plugin_liveness.js" data-architecture="capture">`: the page declares a static,
// adapter-less deployment (docs/embedding.md); nothing else makes the plugin run capture-only on its own.
window.OzLiveness = createOzLiveness({
  baseUrl: scriptBaseUrl(),
  staticCapture: script?.dataset.architecture === 'capture',
  preinit: parsePreinit(PREINIT),
});
