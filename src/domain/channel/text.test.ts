import { describe, expect, it } from 'vitest';
import { linksIn, mentionedUsernames, segments } from './text';

describe('channel text', () => {
  it('finds mentions, not e-mail addresses', () => {
    expect(mentionedUsernames('@polres.soppeng tolong cek, cc @Disnaker.Soppeng dan a@b.test @polres.soppeng')).toEqual(['polres.soppeng', 'disnaker.soppeng']);
    expect(mentionedUsernames('surat ke x@imigrasi.go.id')).toEqual([]);
  });
  it('finds person and case links', () => {
    expect(linksIn('lihat sinergi:person/abc-1 dan sinergi:case/9, lagi sinergi:person/abc-1')).toEqual([
      { kind: 'person', id: 'abc-1', ref: 'sinergi:person/abc-1' }, { kind: 'case', id: '9', ref: 'sinergi:case/9' },
    ]);
  });
  it('splits text into runs for rendering', () => {
    expect(segments('Hai @polres.soppeng, cek sinergi:person/p1.')).toEqual([
      { type: 'text', text: 'Hai ' }, { type: 'mention', username: 'polres.soppeng' }, { type: 'text', text: ', cek ' },
      { type: 'link', ref: 'sinergi:person/p1' }, { type: 'text', text: '.' },
    ]);
  });
});
