import { type LivenessError, OzLivenessCapture, type ResultPayload } from '@open-liveness/react';
import { useState } from 'react';
import { ADAPTER_URL } from './adapter-url.js';

export function App() {
  // The id your backend will look the verdict up by; one per session (a changed option restarts the session).
  const [transactionId, setTransactionId] = useState<string | null>(null);
  const running = transactionId !== null;
  const [events, setEvents] = useState<{ id: number; name: string }[]>([]);
  const [verdict, setVerdict] = useState<ResultPayload | null>(null);
  const [error, setError] = useState<LivenessError | null>(null);
  const record = (name: string) => setEvents((list) => [...list, { id: list.length, name }]);

  return (
    <main>
      <h1>open-liveness · React</h1>
      <button type="button" disabled={running} onClick={() => setTransactionId(crypto.randomUUID())}>
        Start liveness check
      </button>
      {/* While it is mounted a session runs; its props are the open() options. */}
      {transactionId && (
        <OzLivenessCapture
          baseUrl={ADAPTER_URL}
          action={['video_selfie_blank']}
          meta={{ transaction_id: transactionId }}
          on_capture_complete={() => record('on_capture_complete')}
          on_submit={() => record('on_submit')}
          on_complete={(result) => {
            setVerdict(result);
            record('on_complete');
          }}
          on_error={(e) => {
            setError(e);
            record('on_error');
          }}
          on_close={() => {
            setTransactionId(null);
            record('on_close');
          }}
        />
      )}
      <ol>
        {events.map((e) => (
          <li key={e.id} data-event={e.name}>
            {e.name}
          </li>
        ))}
      </ol>
      {error && <p data-error={error.code}>{error.message}</p>}
      {verdict && <pre data-verdict>{JSON.stringify(verdict, null, 2)}</pre>}
    </main>
  );
}
