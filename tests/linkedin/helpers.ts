// Loads the LinkedIn fixtures and their expectations for the reader tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageRead, Position, Profile } from '../../utils/profile';

export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'linkedin');

export interface Expected {
  notes?: string;
  url: string;
  state: PageRead['state'];
  kind?: 'profile' | 'public-profile' | 'salesnav-lead';
  profile?: Profile;
  otherPositions?: Position[];
  /** Start of the current position as shown (null: none shown); not judged when absent. */
  since?: string | null;
  /** Strings that belong to other people on the page: never part of the result. */
  foreign?: string[];
  settled?: boolean;
}

export interface Fixture {
  name: string;
  html: string;
  expected: Expected;
}

export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      return {
        name,
        html: readFileSync(join(FIXTURES, file), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Expected,
      };
    });
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Every value of a read, to search for other people's data. */
export function values(read: PageRead): string[] {
  if (read.state !== 'profile') return [];
  return [
    ...Object.values(read.profile).map((f) => f.value),
    ...(read.otherPositions ?? []).flatMap((p) => [p.role ?? '', p.company ?? '']),
  ];
}

/** The foreign strings found in a read (case-insensitive). */
export function leaks(read: PageRead, foreign: string[] = []): string[] {
  const all = values(read).map((v) => v.toLowerCase());
  return foreign.filter((f) => all.some((v) => v.includes(f.toLowerCase())));
}
