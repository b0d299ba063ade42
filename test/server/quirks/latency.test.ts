import { expect } from 'chai';
import { createLatencyPicker } from '../../../server/quirks/latency.js';

const zero = () => 0;
const almostOne = () => 0.999999;

describe('server/quirks/latency', () => {
  describe('#createLatencyPicker()', () => {
    it('should give a fixed delay to every request', () => {
      expect(createLatencyPicker(250)('GET', 'Users', zero)).to.equal(250);
    });

    it('should pick inside a {min,max} range, both ends included', () => {
      const pick = createLatencyPicker({ min: 100, max: 200 });
      expect(pick('GET', 'Users', zero)).to.equal(100);
      expect(pick('GET', 'Users', almostOne)).to.equal(200);
    });

    it('should prefer "METHOD /Endpoint", then "/Endpoint", then the default', () => {
      const pick = createLatencyPicker({ default: 5, endpoints: { 'POST /Users': 300, '/Users': 50, 'GET /Groups': { min: 7, max: 7 } } });
      expect(pick('POST', 'Users', zero)).to.equal(300);
      expect(pick('PATCH', 'Users', zero)).to.equal(50);
      expect(pick('GET', 'Groups', zero)).to.equal(7);
      expect(pick('GET', 'ServiceProviderConfig', zero)).to.equal(5);
      expect(pick('GET', undefined, zero)).to.equal(5);
    });

    it('should add no delay to unlisted endpoints without a default', () => {
      expect(createLatencyPicker({ endpoints: { '/Users': 10 } })('GET', 'Groups', zero)).to.equal(0);
    });
  });
});
