import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import { createProgress } from '../../cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  let text = '';
  (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, written: () => text };
}

describe('cli/progress', () => {
  it('should draw pages done / total and the phase on a terminal', async () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream, 'initial cycle');
    progress.update(3, 10, 'users');
    progress.update(5, 12, 'groups');
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).to.include('initial cycle').and.include('3/10 pages').and.include('users');
    expect(written()).to.include('5/12 pages').and.include('groups');
  });

  it('should write nothing when the stream is not a terminal', async () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(stream, 'initial cycle');
    progress.update(1, 2, 'users');
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).to.equal('');
  });
});
