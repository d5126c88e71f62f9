import { DOCUMENT_GLOBAL, type DocumentModule } from './contract.js';

let loading: Promise<DocumentModule> | null = null;

/**
 * Loads the document chunk (`<base>plugin/document_capture.js`) once per page, as a classic script from the
 * adapter (allowed by the same `script-src` as the plugin script itself; the page's nonce is passed on).
 * The face-only page never fetches it.
 */
export function loadDocumentModule(base: string, nonce?: string): Promise<DocumentModule> {
  const ready = () => (globalThis as Record<string, unknown>)[DOCUMENT_GLOBAL] as DocumentModule | undefined;
  loading ??= new Promise<DocumentModule>((resolve, reject) => {
    const have = ready();
    if (have) return resolve(have);
    const script = document.createElement('script');
    script.src = `${base}plugin/document_capture.js`;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      const mod = ready();
      mod ? resolve(mod) : reject();
    };
    script.onerror = reject;
    document.head.append(script);
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** The module once loaded (the UI mounts it synchronously; the runner has loaded it before any doc view). */
export function loadedDocumentModule(): DocumentModule | undefined {
  return (globalThis as Record<string, unknown>)[DOCUMENT_GLOBAL] as DocumentModule | undefined;
}
