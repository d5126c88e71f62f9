/** Session events for the adapter's log and metrics. No images and no personal data, ever. */
export type TelemetryType =
  | 'opened'
  | 'camera_ready'
  | 'hint'
  | 'action_start'
  | 'action_done'
  | 'action_fail'
  | 'upload_start'
  | 'upload_done'
  | 'result'
  | 'error'
  | 'close';

export interface TelemetryEvent {
  t: number;
  type: TelemetryType;
  value?: string;
}

/**
 * Collects events and sends them in batches (every few seconds, and at the end) so that telemetry
 * costs one small request now and then, not one per hint change.
 */
export class Telemetry {
  private queue: TelemetryEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly start = performance.now();
  private lastHint: string | undefined;

  constructor(
    private readonly endpoint: string | null,
    private readonly eventSessionId: string,
    private readonly flushMs = 3000,
  ) {}

  add(type: TelemetryType, value?: string): void {
    if (!this.endpoint) return;
    if (type === 'hint') {
      if (value === this.lastHint) return;
      this.lastHint = value;
    }
    this.queue.push({ t: Math.round(performance.now() - this.start), type, ...(value ? { value } : {}) });
    if (this.queue.length >= 50) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /**
   * Sends what is queued. A keepalive fetch outlives the page like `sendBeacon` would, but without
   * credentials: a beacon always sends them, which a cross-origin adapter's CORS (no credentials) refuses.
   */
  flush(_final = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.endpoint || this.queue.length === 0) return;
    const body = JSON.stringify({ event_session_id: this.eventSessionId, events: this.queue });
    this.queue = [];
    void fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-event-session-id': this.eventSessionId },
      body,
      keepalive: true,
      credentials: 'omit',
    }).catch(() => undefined); // telemetry must never disturb the session
  }
}
