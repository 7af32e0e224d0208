// The team channel's message text: plain text with `@username` mentions and `sinergi:person/<id>`,
// `sinergi:case/<id>` links. Shared by server (resolution, notifications) and web (rendering).

export const MESSAGE_MAX = 4000;

export type LinkKind = 'person' | 'case';
export interface TextLink { kind: LinkKind; id: string; ref: string }

/** Usernames as accounts have them (3-40: lower-case letters, digits, dot, underscore, hyphen). */
const MENTION = /(^|[^\w.@-])@([a-z0-9][a-z0-9._-]{1,38}[a-z0-9])/gi;
const LINK = /sinergi:(person|case)\/([A-Za-z0-9-]{1,64})/g;

/** The distinct usernames mentioned, lower-cased, in order of appearance. */
export function mentionedUsernames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MENTION)) out.add(m[2]!.toLowerCase());
  return [...out];
}

/** The distinct person/case links in the text. */
export function linksIn(text: string): TextLink[] {
  const seen = new Map<string, TextLink>();
  for (const m of text.matchAll(LINK)) seen.set(m[0], { kind: m[1] as LinkKind, id: m[2]!, ref: m[0] });
  return [...seen.values()];
}

export type Segment = { type: 'text'; text: string } | { type: 'mention'; username: string } | { type: 'link'; ref: string };

/** Splits text into plain runs, mentions and links, for rendering. */
export function segments(text: string): Segment[] {
  const marks: { at: number; end: number; seg: Segment }[] = [];
  for (const m of text.matchAll(MENTION)) {
    const at = m.index! + m[1]!.length;
    marks.push({ at, end: at + 1 + m[2]!.length, seg: { type: 'mention', username: m[2]!.toLowerCase() } });
  }
  for (const m of text.matchAll(LINK)) marks.push({ at: m.index!, end: m.index! + m[0].length, seg: { type: 'link', ref: m[0] } });
  marks.sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  let pos = 0;
  for (const mark of marks) {
    if (mark.at < pos) continue;
    if (mark.at > pos) out.push({ type: 'text', text: text.slice(pos, mark.at) });
    out.push(mark.seg);
    pos = mark.end;
  }
  if (pos < text.length) out.push({ type: 'text', text: text.slice(pos) });
  return out;
}
