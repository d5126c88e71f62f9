import { ERROR_CODES, type LivenessError } from './errors/codes.js';
import { LivenessSession } from './flow/session.js';
import { LocaleRegistry } from './i18n/translator.js';
import { normalizeOptions, type OpenOptions } from './options.js';
import { mountUi } from './ui/mount.js';

export interface PluginConfig {
  /** Where the adapter serves the plugin's files (worker, wasm, models); ends with '/'. */
  baseUrl: string;
}

export interface OzLivenessApi {
  open(options?: OpenOptions): void;
  close(): void;
  hide(): void;
  add_lang(langId: string, pack: Record<string, string>): void;
  get_langs(): string[];
}

/** Builds the `OzLiveness` object. Nothing here touches the DOM until `open()` is called. */
export function createOzLiveness(config: PluginConfig): OzLivenessApi {
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  const locales = new LocaleRegistry();
  let current: { session: LivenessSession; unmount: () => void } | null = null;

  const reportEarly = (options: OpenOptions, code: keyof typeof ERROR_CODES, message: string) => {
    const error: LivenessError = {
      code,
      message,
      event_session_id: crypto.randomUUID(),
      context: {},
      retryable: ERROR_CODES[code].retryable,
    };
    console.warn(`[OzLiveness] ${code}: ${message}`);
    try {
      options.on_error?.(error);
    } catch (err) {
      console.error('[OzLiveness] on_error callback threw', err);
    }
  };

  return {
    open(input) {
      const { options, warnings, problem } = normalizeOptions(input);
      for (const w of warnings) console.warn(`[OzLiveness] ${w}`);
      if (current) {
        // React StrictMode and double clicks land here: one session at a time, the running one wins.
        reportEarly(
          options,
          'session_already_open',
          'a liveness session is already open; call close() first',
        );
        return;
      }
      if (problem) return reportEarly(options, 'invalid_options', problem);
      if (!locales.has(options.lang)) {
        return reportEarly(options, 'locale_unavailable', `language pack "${options.lang}" is not installed`);
      }
      const t = locales.translator(options.lang);
      const session = new LivenessSession(options, {
        base,
        packWorkerUrl: `${base}plugin/pack_worker.js`,
        translate: t,
        urls: {
          workerUrl: `${base}plugin/vision_worker.js`,
          wasmBaseUrl: `${base}assets/wasm`,
          modelUrl: `${base}assets/models/face_landmarker.task`,
        },
        onEnded: () => {
          if (current?.session === session) {
            current.unmount();
            current = null;
          }
        },
      });
      const unmount = mountUi(session.view, t, () => session.close(), options.nonce);
      current = { session, unmount };
      void session.run();
    },
    close() {
      current?.session.close();
    },
    hide() {
      current?.session.hide();
    },
    add_lang(langId, pack) {
      locales.add(String(langId).toLowerCase(), pack);
    },
    get_langs() {
      return locales.ids();
    },
  };
}
