import { useEffect, useRef } from 'preact/hooks';
import type { DocumentInput, DocumentLook, DocumentStage } from '../document/contract.js';
import { loadedDocumentModule } from '../document/load.js';
import type { ViewState } from '../flow/view-state.js';

interface Props {
  s: ViewState;
  t: (key: string) => string;
  look: DocumentLook | undefined;
  onInput: (input: DocumentInput) => void;
  onViewport: (aspect: number) => void;
  onSwitch: (deviceId: string) => void;
}

/**
 * Where the document screen goes: an empty element the lazy chunk draws into (its code is not in the page
 * script). It is mounted once per screen and re-rendered from every new view.
 */
export function DocumentHost({ s, t, look, onInput, onViewport, onSwitch }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const stage = useRef<DocumentStage | null>(null);
  useEffect(() => {
    const mod = loadedDocumentModule();
    if (!host.current || !mod) return;
    stage.current = mod.mount(host.current, {
      t,
      input: onInput,
      viewport: onViewport,
      switchCamera: onSwitch,
      look,
    });
    return () => {
      stage.current?.destroy();
      stage.current = null;
    };
  }, []);
  useEffect(() => {
    stage.current?.render(s);
  });
  return <div class="ol-doc-host" ref={host} />;
}
