import { expect } from 'chai';
import { colorFor } from '../../../cli/color.js';
import { runCli } from './support/cli.js';

const ESC = '\u001b[';

describe('colour (NO_COLOR, FORCE_COLOR, --no-color, per stream)', function () {
  this.timeout(60_000);
  const args = ['conformance', '--embedded', '--only', 'users-create-201'];

  it('should colour a redirected report only when FORCE_COLOR asks, and never under NO_COLOR or --no-color', async () => {
    const plain = await runCli(args);
    expect(plain.code).to.equal(0);
    expect(plain.stdout).not.to.contain(ESC);
    const forced = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).to.contain(ESC);
    expect((await runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.to.contain(ESC);
    expect((await runCli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.to.contain(ESC);
  });

  it('should decide per stream: a terminal yes, a file no', () => {
    expect(colorFor({ isTTY: true }, {}, [])).to.equal(true);
    expect(colorFor({ isTTY: false }, {}, [])).to.equal(false);
    expect(colorFor({ isTTY: true }, { TERM: 'dumb' }, [])).to.equal(false);
    expect(colorFor({ isTTY: true }, { NO_COLOR: '1' }, [])).to.equal(false);
    expect(colorFor({ isTTY: false }, { FORCE_COLOR: '0' }, [])).to.equal(false);
  });
});
