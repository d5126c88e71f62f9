// Script-tag entry: defines window.OzLiveness. The adapter base URL is where this script came from.
import { createOzLiveness } from './api.js';

function scriptBaseUrl(): string {
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || `${location.origin}/plugin_liveness.js`;
  return new URL('.', src).href;
}

declare global {
  interface Window {
    OzLiveness: ReturnType<typeof createOzLiveness>;
  }
}

window.OzLiveness = createOzLiveness({ baseUrl: scriptBaseUrl() });
