import pino from 'pino';
import { createApp } from './app.js';
import { installPaths } from './paths.js';

const log = pino({ name: 'open-liveness-adapter' });
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const paths = installPaths();
const app = createApp({ paths, log });
const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  log.info({ paths }, 'adapter started');
  process.stdout.write(
    `\nopen-liveness adapter: http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/\n\n`,
  );
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
