// The load test's baseline (loadtest/run.ts): Express with one route and nothing else, on this
// app's Node and Express, so the runner's figures can be read as a share of what the same machine
// serves at best. It announces itself with the runner's "runner listening" line.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => {
  res.send('Hello World!');
});
const server = app.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ level: 30, msg: 'runner listening', port: address.port })}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
