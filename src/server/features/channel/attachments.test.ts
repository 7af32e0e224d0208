import { describe, expect, it } from 'vitest';
import { cleanFilename, sniff } from './attachments';

describe('channel attachments', () => {
  it('knows a file by its first bytes, not its name', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniff(Buffer.from('89504e470d0a1a0a00', 'hex'))).toBe('image/png');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(sniff(Buffer.from('GIF89a'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
  it('keeps only a plain file name', () => {
    expect(cleanFilename('..\\..\\windows\\foto.jpg', 'image/jpeg')).toBe('foto.jpg');
    expect(cleanFilename('a/b/"surat"\u202e.pdf', 'application/pdf')).toBe('surat.pdf');
    expect(cleanFilename('/', 'application/pdf')).toBe('lampiran.pdf');
    expect(cleanFilename('x'.repeat(300), 'image/png')).toHaveLength(120);
  });
});
