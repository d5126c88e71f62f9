import { DOCUMENT_GLOBAL, type DocumentModule } from './contract.js';

let loading: Promise<DocumentModule> | null = null;

/** The document module once its chunk has run (the UI mounts it synchronously, after the runner loaded it). */
export const loadedDocumentModule = (): DocumentModule | undefined =>
  (globalThis as Record<string, unknown>)[DOCUMENT_GLOBAL] as DocumentModule | undefined;

/**
 * Loads the document chunk (`<base>plugin/document_capture.js`) once per page, as a classic script from the
 * adapter (allowed by the same `script-src` as the plugin script itself; the page's nonce is passed on).
 * A page that asks for no photo action never fetches it; a failed load is tried again next time.
 */
export function loadDocumentModule(base: string, nonce?: string): Promise<DocumentModule> {
  loading ??= new Promise<DocumentModule>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${base}plugin/document_capture.js`;
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      const mod = loadedDocumentModule();
      mod ? resolve(mod) : reject();
    };
    script.onerror = () => {
      loading = null;
      reject();
    };
    document.head.append(script);
  });
  return loading;
}
