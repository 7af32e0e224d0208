import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('web translations', () => {
  const idKeys = new Set(flatten(id as Tree));
  const enKeys = new Set(flatten(en as Tree));

  it('Bahasa Indonesia and English have the same keys', () => {
    expect([...idKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !idKeys.has(k))).toEqual([]);
  });

  it('every literal key used in the web app exists', () => {
    const has = (key: string) => idKeys.has(key) || idKeys.has(`${key}_one`);
    const missing: string[] = [];
    for (const file of sources(path.resolve(__dirname, '..'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'|(?:labelKey|titleKey|bodyKey)[:=]\s*["']([^"']+)["']/g)) {
        const key = m[1] ?? m[2];
        if (key.includes('.') && !has(key)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has every permit kind, role and retake reason in both languages', () => {
    for (const key of ['visa_free_visit', 'visa_on_arrival', 'visit_visa', 'itas', 'itap', 'diplomatic', 'official']) {
      expect(idKeys.has(`permit.${key}`) && enKeys.has(`permit.${key}`) && idKeys.has(`permitShort.${key}`)).toBe(true);
    }
    for (const key of ['admin', 'immigration_officer', 'timpora_member', 'field_officer', 'reporter', 'auditor']) expect(idKeys.has(`roles.${key}`)).toBe(true);
    for (const key of ['too_small', 'blurred', 'too_dark', 'not_found']) expect(enKeys.has(`mrz.retake.${key}`)).toBe(true);
  });
});
