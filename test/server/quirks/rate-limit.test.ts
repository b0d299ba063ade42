import { expect } from 'chai';
import { createRateLimiter } from '../../../server/quirks/rate-limit.js';

describe('server/quirks/rate-limit', () => {
  describe('#createRateLimiter()', () => {
    it('should allow N requests per window, then refuse with the seconds left until the window ends', () => {
      const limiter = createRateLimiter({ requests: 2, windowMs: 10_000 });
      expect(limiter.take('a', 0)).to.deep.equal({ allowed: true });
      expect(limiter.take('a', 1_000)).to.deep.equal({ allowed: true });
      expect(limiter.take('a', 2_500)).to.deep.equal({ allowed: false, retryAfterSeconds: 8 });
      expect(limiter.take('a', 9_999)).to.deep.equal({ allowed: false, retryAfterSeconds: 1 });
      expect(limiter.take('a', 10_000)).to.deep.equal({ allowed: true });
    });

    it('should count each token separately', () => {
      const limiter = createRateLimiter({ requests: 1, windowMs: 1_000 });
      expect(limiter.take('a', 0).allowed).to.equal(true);
      expect(limiter.take('b', 0).allowed).to.equal(true);
      expect(limiter.take('a', 1).allowed).to.equal(false);
      expect(limiter.take('__proto__', 1).allowed).to.equal(true);
    });

    it('should keep state per instance', () => {
      const quirk = { requests: 1, windowMs: 1_000 };
      const one = createRateLimiter(quirk);
      one.take('a', 0);
      expect(createRateLimiter(quirk).take('a', 0).allowed).to.equal(true);
    });
  });
});
