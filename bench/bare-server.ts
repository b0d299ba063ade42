/**
 * @module bench/bare-server
 * The reference point of the benchmark: a bare express 5 route answering constant JSON, run in
 * its own child process so it competes for the same cores the way the target does. Prints
 * `listening on URL` like `scimulator serve`.
 */
import express from 'express';

const body = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: 0,
  itemsPerPage: 0,
  startIndex: 1,
  Resources: [],
};

const app = express();
app.get('/bare', (_req, res) => {
  res.json(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`listening on http://127.0.0.1:${address.port}/bare\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
