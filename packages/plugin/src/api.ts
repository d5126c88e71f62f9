import { chooseLanguage, directionOf, languageTag } from '@open-liveness/locales';
import { ERROR_CODES, type LivenessError } from './errors/codes.js';
import { LivenessSession } from './flow/session.js';
import { adapterPackFetcher, LocaleRegistry, type Translate } from './i18n/translator.js';
import { normalizeOptions, type OpenOptions } from './options.js';
import { type PreinitMode, prefetchIntoCache, startPreinit } from './preinit/preinit.js';
import { normalizeStyle } from './style/index.js';
import type { UiEvents } from './ui/App.js';
import { mountUi } from './ui/mount.js';
import { partStylesLoader } from './ui/parts/part-styles.js';
import { VisionClient, type VisionUrls } from './vision/client.js';

/** What the UI may ask of a session: its events, nothing else. */
function uiEvents(session: LivenessSession): UiEvents {
  return {
    close: () => session.close(),
    retry: () => session.send({ type: 'retry' }),
    start: () => session.send({ type: 'start' }),
    switchCamera: (deviceId) => session.send({ type: 'switch-camera', deviceId }),
    viewport: (aspect) => session.send({ type: 'viewport', aspect }),
    docInput: (input) => session.send({ type: 'doc-input', input }),
    maskCanvas: (canvas) => session.showMask(canvas),
  };
}

export interface PluginConfig {
  /** Where the adapter serves the plugin's files (worker, wasm, models); ends with '/'. */
  baseUrl: string;
  /**
   * An adapter-less static deployment (`<script data-architecture="capture">`): capture only, no session
   * request. Without it a failed session request is an error, never a silent capture-only run.
   */
  staticCapture?: boolean;
  /** Adapter `preinit`: what loads before open() (preinit/preinit.ts). Default `off`. */
  preinit?: PreinitMode;
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
  const locales = new LocaleRegistry(adapterPackFetcher(base));
  const partStyles = partStylesLoader(base);
  let current: { session: LivenessSession; unmount: () => void } | null = null;
  const urls: VisionUrls = {
    workerUrl: `${base}plugin/vision_worker.js`,
    wasmBaseUrl: `${base}assets/wasm`,
    modelUrl: `${base}assets/models/face_landmarker.task`,
    frameWorkerUrl: `${base}plugin/frame_worker.js`,
  };
  const packWorkerUrl = `${base}plugin/pack_worker.js`;
  const preloader = startPreinit(config.preinit ?? 'off', {
    createVision: () => new VisionClient(urls),
    prefetch: prefetchIntoCache,
    libraryUrls: [
      urls.workerUrl,
      `${base}plugin/frame_worker.js`,
      packWorkerUrl,
      `${base}plugin/parts.css`,
      `${urls.wasmBaseUrl}/vision_wasm_internal.js`,
      `${urls.wasmBaseUrl}/vision_wasm_internal.wasm`,
    ],
  });

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
      // A bad style value is dropped with one warning naming the field; the colour check is the browser's.
      const look = normalizeStyle(
        options.style,
        (v) => typeof CSS === 'undefined' || CSS.supports('color', v),
      );
      for (const w of look.warnings) console.warn(`[OzLiveness] ${w}`);
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
      // open({lang}) first, else the browser's language when there is a pack for it, else English.
      const browserLangs =
        typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
      const lang = chooseLanguage(options.langGiven ? options.lang : undefined, browserLangs, locales.ids());
      if (!lang) {
        return reportEarly(options, 'locale_unavailable', `language pack "${options.lang}" is not installed`);
      }
      // The pack arrives asynchronously; until then nothing is on screen, so no text can flash in English.
      let t: Translate = locales.translator(lang);
      const session = new LivenessSession(options, {
        base,
        maskLook: look.style.maskCustomization,
        ...(config.staticCapture ? { staticCapture: true } : {}),
        packWorkerUrl,
        translate: (key) => t(key as Parameters<Translate>[0]),
        urls,
        takeVision: () => preloader.takeVision(),
        onEnded: () => {
          if (current?.session === session) {
            current.unmount();
            current = null;
          }
          preloader.sessionEnded();
        },
      });
      current = { session, unmount: () => {} };
      Promise.all([locales.load(lang), partStyles()]).then(
        ([loaded, parts]) => {
          if (current?.session !== session) return; // closed while the pack was loading
          t = loaded;
          current.unmount = mountUi(session.view, t, uiEvents(session), {
            lang: languageTag(lang),
            dir: directionOf(lang),
            style: look.style,
            parts,
            ...(options.nonce ? { nonce: options.nonce } : {}),
          });
          void session.run();
        },
        (err: unknown) => {
          if (current?.session !== session) return;
          current = null;
          reportEarly(
            options,
            'resource_load_failed',
            `language pack "${lang}" or the plugin's parts.css could not be loaded: ${String(err)}`,
          );
        },
      );
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
