// A fresh app's use of the packed packages: every public type by name, strict, no skipLibCheck.
import type {
  ActionId,
  CaptureResult,
  ErrorCode,
  LivenessError,
  OpenOptions,
  ResultPayload,
} from '@open-liveness/plugin';
import { createOzLiveness } from '@open-liveness/plugin';
import { OzLivenessCapture } from '@open-liveness/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const adapter = new URLSearchParams(location.search).get('adapter') ?? 'http://localhost:8080/';
const actions: ActionId[] = ['video_selfie_blank'];
const langs: string[] = createOzLiveness({ baseUrl: adapter }).get_langs();

function App() {
  const [running, setRunning] = useState(false);
  const [events, setEvents] = useState<{ id: number; name: string }[]>([]);
  const [verdict, setVerdict] = useState<ResultPayload | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const add = (name: string) => setEvents((list) => [...list, { id: list.length, name }]);
  const options: OpenOptions = {
    action: actions,
    on_capture_complete: (result: CaptureResult | Blob) =>
      add(result instanceof Blob ? 'container' : 'on_capture_complete'),
    on_complete: (result: ResultPayload) => {
      setVerdict(result);
      add('on_complete');
    },
    on_error: (error: LivenessError) => {
      setFailure(error.code);
      add('on_error');
    },
    on_close: () => {
      setRunning(false);
      add('on_close');
    },
  };
  return (
    <main>
      <p>languages: {langs.join(', ')}</p>
      <button type="button" onClick={() => setRunning(true)} disabled={running}>
        Start liveness check
      </button>
      {running && <OzLivenessCapture baseUrl={adapter} {...options} />}
      <ol>
        {events.map((e) => (
          <li key={e.id} data-event={e.name}>
            {e.name}
          </li>
        ))}
      </ol>
      {failure && <p data-error={failure}>{failure}</p>}
      {verdict && <pre data-verdict>{JSON.stringify(verdict)}</pre>}
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
