// Text clean-up and person-name handling: display names carry emoji, pronouns,
// credentials and titles; splitting them is a guess that structured data beats.
import { stripHidden } from '../hidden-chars';

/**
 * Drops controls, bidi and zero-width characters (see hidden-chars.ts: emoji
 * joined by ZWJ fall apart), collapses whitespace (tab, line breaks, NBSP) and trims.
 */
export function clean(text: string | null | undefined): string {
  return stripHidden(text ?? '').replace(/\s+/g, ' ').trim();
}

/** Accent-, case- and punctuation-insensitive form for comparisons. */
export function fold(text: string): string {
  return clean(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && fold(a) === fold(b);
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u20e3\ufe0f]/gu;

export function stripEmoji(text: string): string {
  return clean(text.replace(EMOJI, ' '));
}

// Post-nominal letters and honorifics seen in display names (EN/FR).
// Without a comma only capitalised forms count, so surnames like "Ma" stay.
const CREDENTIAL =
  /^(MBA|EMBA|MD|MSc|MS|MA|BA|BSc|BEng|MEng|CPA|CFA|ACCA|PMP|CISSP|CEng|HDR|DBA|PSM|CSM|PCC|MCC|RN|II|III|IV|Ph\.?D\.?|PHD|Jr\.?|Sr\.?|Esq\.?)$/;
const TITLE = /^(dr|dre|prof|pr|me|mr|mrs|ms|mme|mlle|m|sir)\.?$/i;
const BADGE_WORD = /^(?:premium|verified|vérifiée?|1st|2nd|3rd\+?|1er|2e|3e\+?)$/i;
const PRONOUN = /^\(?\s*(?:he|she|they|il|elle|iel|ils|elles)(?:\s*\/\s*\p{L}+)+\s*\)?$/iu;

/** "(She/Her)", "He/Him", "Elle/Elle". */
export function isPronoun(text: string): boolean {
  return PRONOUN.test(clean(text));
}

/** Removes what is not the person's name from a displayed name. */
export function cleanDisplayName(raw: string): string {
  let name = stripEmoji(raw)
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ') // pronouns, nicknames, maiden names in brackets
    .replace(/[|•·].*$/, ' '); // "Name | Tagline"
  // Everything after a comma is credentials ("Jane Doe, MBA, PMP").
  name = name.replace(/,.*$/, ' ');
  const words = clean(name).split(' ').filter((w) => !PRONOUN.test(w));
  while (words.length > 1 && TITLE.test(words[0]!)) words.shift();
  // Badges rendered inside the name line ("Jane Doe Premium", "Jane Doe 2nd", "Jane Doe · 3e").
  while (words.length > 2 && BADGE_WORD.test(words[words.length - 1]!)) words.pop();
  while (words.length > 1 && CREDENTIAL.test(words[words.length - 1]!)) words.pop();
  return clean(words.join(' ').replace(/^[-–—_.,;:'"\s]+|[-–—_,;:'"\s]+$/g, ''));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const isUpperWord = (w: string) => /\p{Lu}{2,}/u.test(w) && w === w.toUpperCase();

export interface SplitName {
  first?: string;
  last?: string;
}

/**
 * Splits a cleaned display name. The first word is the first name and the rest
 * the last name, particles and hyphens included ("Marie-Hélène de La Tour" →
 * "Marie-Hélène" + "de La Tour"), except: surnames written in capitals, and
 * CJK names, which put the family name first.
 */
export function splitName(name: string): SplitName {
  const words = clean(name).split(' ').filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) {
    // "王伟", "李小龙", "山田太郎" written without a space: family name first (1 character, 2 in a
    // 4-character name). A guess beyond two characters (read-page marks it unsure).
    const chars = [...words[0]!];
    const cjk = chars.length >= 2 && chars.length <= 4 && chars.every((c) => CJK.test(c));
    if (!cjk) return { first: words[0] };
    const at = chars.length === 4 ? 2 : 1;
    return { first: chars.slice(at).join(''), last: chars.slice(0, at).join('') };
  }
  if (CJK.test(name)) return { first: words.slice(1).join(' '), last: words[0] };
  const upper = words.map(isUpperWord);
  if (!upper.every(Boolean)) {
    // "Marie Claire VASSEUR" / "VASSEUR Marie Claire": the capitals are the surname.
    let end = words.length;
    while (end > 1 && upper[end - 1]) end--;
    if (end < words.length) return { first: words.slice(0, end).join(' '), last: words.slice(end).join(' ') };
    let start = 0;
    while (start < words.length - 1 && upper[start]) start++;
    if (start > 0) return { first: words.slice(start).join(' '), last: words.slice(0, start).join(' ') };
  }
  return { first: words[0], last: words.slice(1).join(' ') };
}

 /**
 * True when splitting the name is no guess: two words, or a script, capitals or a particle
 * that tell the first name from the surname ("山田 太郎", "Anne Sophie MOREL", "Marie de La Tour").
 */
export function isDecidedSplit(name: string): boolean {
  const words = clean(name).split(' ');
  // CJK written without a space cannot be split surely ("山田太郎").
  if (CJK.test(name)) return words.length === 2 || (words.length === 1 && [...name].length < 3);
  if (words.length < 3) return true;
  // "Marie-Hélène de La Tour": a particle opens the surname.
  if (/^(?:de|du|des|la|le|van|von|der|den|di|da|del|dos|al|el|bin)$/.test(words[1] ?? '')) return true;
  const upper = words.map(isUpperWord);
  return upper.some(Boolean) && !upper.every(Boolean);
}

/**
 * The first name when it has several words, from labels that name the person by
 * first name alone ("Message Marie Claire", "Marie Claire has verifications").
 * Only a proper prefix of the full name that a label shows on its own counts.
 */
export function firstNameFromHints(name: string, hints: readonly string[]): string | undefined {
  const words = clean(name).split(' ');
  let best: string | undefined;
  for (let n = words.length - 1; n >= 2; n--) {
    const prefix = words.slice(0, n).join(' ');
    const rest = fold(words.slice(n).join(' '));
    for (const hint of hints) {
      const text = clean(hint);
      let at = text.indexOf(prefix);
      while (at >= 0) {
        const before = text[at - 1];
        const after = text.slice(at + prefix.length);
        const boundaryBefore = !before || !/[\p{L}\p{N}]/u.test(before);
        const boundaryAfter = !after || !/^[\p{L}\p{N}]/u.test(after);
        if (boundaryBefore && boundaryAfter && !fold(after).startsWith(rest)) {
          best = prefix;
          break;
        }
        at = text.indexOf(prefix, at + 1);
      }
      if (best) return best;
    }
  }
  return best;
}

/** True when structured first/last names describe the displayed name (same person, same script). */
export function namesMatchDisplay(display: string, first: string, last: string | undefined): boolean {
  // Scripts written without spaces cannot be matched word by word.
  const pad = CJK.test(display) ? '' : ' ';
  const shown = `${pad}${fold(display)}${pad}`;
  const has = (part: string) => shown.includes(`${pad}${fold(part)}${pad}`);
  return has(first) && (!last || has(last));
}

// Words; scripts written without spaces character by character.
const NAME_PARTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

const nameParts = (name: string) => new Set(fold(cleanDisplayName(name)).match(NAME_PARTS));

/**
 * True when two displayed names could be the same person's: every word of one
 * is in the other, in any order ("Anne Sophie Morel" and "MOREL Anne Sophie"),
 * case, accents, punctuation, pronouns and credentials aside. An empty name is
 * alike anything: the answer errs towards "same person".
 */
export function namesAlike(a: string, b: string): boolean {
  const wa = nameParts(a);
  const wb = nameParts(b);
  const within = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  return !wa.size || !wb.size || within(wa, wb) || within(wb, wa);
}
