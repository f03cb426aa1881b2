import { describe, expect, it, vi } from 'vitest';
import { base64Bytes, deliverFile, hasFileSaver } from './deliverFile.ts';

const file = {
  fileName: 'r.pdf',
  mimeType: 'application/pdf',
  base64: Buffer.from('%PDF-1.7').toString('base64'),
};

describe('deliverFile', () => {
  it.each<[unknown, boolean]>([
    [undefined, false],
    [{ request: () => 1, onEvent: () => 1 }, false],
    [{ saveFile: 'no' }, false],
    [{ request: () => 1, onEvent: () => 1, saveFile: () => 1 }, true],
  ])('hasFileSaver(%o) = %s', (value, expected) => {
    expect(hasFileSaver(value)).toBe(expected);
  });

  it('decodes base64 to the exact bytes', () => {
    expect(Buffer.from(base64Bytes(file.base64)).toString('latin1')).toBe('%PDF-1.7');
    expect(base64Bytes('')).toHaveLength(0);
  });

  it.each([
    [
      { saved: true, path: '/home/op/r.pdf' },
      { kind: 'saved', path: '/home/op/r.pdf' },
    ],
    [{ saved: false }, { kind: 'cancelled' }],
  ])('in Electron, hands the file to the save dialog: %o', async (answer, delivery) => {
    const saveFile = vi.fn(async () => answer);
    await expect(deliverFile(file, { saveFile })).resolves.toEqual(delivery);
    expect(saveFile).toHaveBeenCalledWith(file);
  });
});
