/** The HTTP fuzz suite inside `npm test`: a few thousand cases (100,000+ in `npm run fuzz`). */
import { expect } from 'chai';
import { fuzzHttp } from './http-fuzz.js';

describe('fuzz: real HTTP', () => {
  it('should answer 3,000 fuzzed requests with no 5xx, SCIM error bodies, no pollution, and keep answering', async function () {
    this.timeout(120_000);
    const result = await fuzzHttp(Number(process.env.SCIMULATOR_FUZZ_RUNS ?? 3_000));
    expect(result.byStatus['5xx'] ?? 0).to.equal(0);
    // the generators reach both accepted and refused requests
    expect(result.byStatus['2xx'] ?? 0).to.be.above(0);
    expect(result.byStatus['4xx'] ?? 0).to.be.above(0);
  });
});
