import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { measureToggled } from '../../bench/toggled.js';

describe('bench/toggled: a feature switched under load in one process', () => {
  let server: Server;
  let origin: string;
  let on = true;
  const served = { on: 0, off: 0 };
  before(async () => {
    server = createServer((_req, res) => {
      served[on ? 'on' : 'off'] += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should measure every pair in the order drawn, switching only when the state changes, and leave the feature on', async () => {
    const switches: boolean[] = [];
    // on first, off first, off first, on first (the feature starts on)
    const draws = [0.1, 0.9, 0.9, 0.1];
    const result = await measureToggled({
      name: 'feature', origin, requests: [{ method: 'GET', path: '/' }], connections: 4,
      seconds: 0.4, sliceMs: 50, warmUpSeconds: 0.1,
      toggle: async (want) => {
        switches.push(want);
        on = want;
      },
      random: () => draws.shift()!,
    });
    expect(result.pairs).to.have.length(4);
    // on, off | off, on | off, on | on, off, then back on: no switch where a slice keeps the state
    expect(switches).to.deep.equal([false, true, false, true, false, true]);
    expect(on).to.equal(true);
    expect(served.on).to.be.greaterThan(0);
    expect(served.off).to.be.greaterThan(0);
    for (const pair of result.pairs) {
      expect(pair.on).to.be.greaterThan(0);
      expect(pair.off).to.be.greaterThan(0);
      expect(pair.ratio).to.be.closeTo(pair.on / pair.off, 1e-9);
    }
    expect(result).to.include({ name: 'feature', connections: 4, sliceMs: 50 });
  });
});
