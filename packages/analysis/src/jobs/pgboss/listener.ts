import pg from 'pg';
import type { Logger } from '../../logger.js';

/**
 * One connection LISTENing on some channels, reconnected after a loss (a NOTIFY sent meanwhile is
 * missed: callers keep a slower way to find out, see the producer and the worker).
 */
export class PgListener {
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channels: readonly string[],
    private readonly onNotify: (channel: string, payload: string) => void,
    private readonly logger: Logger,
    /** Called after every (re)connection, so callers can catch up on what they may have missed. */
    private readonly onConnect: () => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (m) => this.onNotify(m.channel, m.payload ?? ''));
    client.on('error', (err) => this.lost(client, err.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      for (const ch of this.channels) await client.query(`LISTEN ${pg.escapeIdentifier(ch)}`);
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.onConnect();
  }

  private lost(client: pg.Client, why: string): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.reconnectLater(why);
  }

  private reconnectLater(why: string): void {
    if (this.closed) return;
    this.logger.warn({ why }, 'job queue listener lost; reconnecting');
    this.retry = setTimeout(() => {
      this.connect().catch((err: unknown) => this.reconnectLater((err as Error).message));
    }, 1000);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => {});
  }
}
