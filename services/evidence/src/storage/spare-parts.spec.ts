import { SpareParts } from './garbage';

describe('SpareParts', () => {
  it('gives the same part buffers to the next upload, keeping at most as many as it is told', () => {
    const spare = new SpareParts(16, 2);
    const [a, b, c] = [Buffer.alloc(16), Buffer.alloc(16), Buffer.alloc(16)];
    spare.push(a);
    spare.push(b);
    spare.push(c);
    expect(spare.pop()).toBe(b);
    expect(spare.pop()).toBe(a);
    expect(spare.pop()).toBeUndefined();
  });

  it('keeps only whole part buffers', () => {
    const spare = new SpareParts(16, 3);
    spare.push(Buffer.alloc(8));
    spare.push(Buffer.alloc(16).subarray(0, 10));
    expect(spare.pop()).toBeUndefined();
  });

  it('copies out content small enough to stay in memory and takes its buffer back', () => {
    const spare = new SpareParts(16, 3);
    const part = Buffer.from('evidence bytes..');
    const bytes = spare.release(part, 8);
    expect(bytes.toString()).toBe('evidence');
    part.fill(0);
    expect(bytes.toString()).toBe('evidence');
    expect(spare.pop()).toBe(part);
  });
});
