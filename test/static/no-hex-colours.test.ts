/**
 * Issue 18: no hex colour literal in static/ — every colour is a design token (`token('color.…')`, `var(--ds-…)`).
 * Files not converted yet are listed below; the list may only shrink: the test fails when an unlisted file has a
 * hex colour AND when a listed file has none left (then delete it from the list). When the list is empty, it stays.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const STATIC = join(ROOT, 'static');

/** Every file is converted: the list is empty and stays so (a new hex colour anywhere in static/ fails). */
const NOT_CONVERTED_YET: string[] = [];

/** `#fff`, `#FFFFFF`, `#091E4224` (3, 4, 6 or 8 hex digits), not `#/browse/RT-1`, `&#8212;` or `#add-check`. */
const HEX_COLOUR = /(?<![&\w])#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})(?![\w-])/gi;

export function hexColours(text: string): string[] {
  return text.match(HEX_COLOUR) ?? [];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'build' || e.name === 'node_modules') return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css|html|svg)$/.test(e.name) ? [path] : [];
  });
}

const withHex = () =>
  sourceFiles(STATIC)
    .map((f) => ({ file: relative(ROOT, f).split('\\').join('/'), hex: hexColours(readFileSync(f, 'utf8')) }))
    .filter((f) => f.hex.length > 0);

test('the detector finds colours and ignores links, entities and ids', () => {
  expect(hexColours(`color: '#fff'; border: 1px solid #DCDFE4; box-shadow: 0 0 1px #091E424F`)).toEqual(['#fff', '#DCDFE4', '#091E424F']);
  expect(hexColours(`fill="#0C66E4"`)).toEqual(['#0C66E4']);
  expect(hexColours(`href="#/browse/RT-1" &#8212; id="#add-check" url(#rt-arrow) #abcde token('color.text')`)).toEqual([]);
});

test('no hex colour literal in static/ outside the files still being converted', () => {
  const offenders = withHex().filter((f) => !NOT_CONVERTED_YET.includes(f.file));
  expect(offenders.map((f) => `${f.file}: ${[...new Set(f.hex)].join(' ')}`)).toEqual([]);
});

test('every file on the not-converted list still has hex colours (a clean file must leave the list)', () => {
  const remaining = new Set(withHex().map((f) => f.file));
  expect(NOT_CONVERTED_YET.filter((f) => !remaining.has(f))).toEqual([]);
});
