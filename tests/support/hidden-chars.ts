// The characters the product refuses in contact values, listed from the
// requirement rather than from the implementation, for the reader, the
// normalization and the schema tests.

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Stripped at read, refused in requests. */
export const HIDDEN_CHARS: string[] = [
  ...range(0x00, 0x08), // C0 controls other than whitespace
  ...range(0x0e, 0x1f),
  0x7f, // DEL
  ...range(0x80, 0x9f), // C1 controls
  ...range(0x202a, 0x202e), // bidi embeddings and overrides
  ...range(0x2066, 0x2069), // bidi isolates
  0x200e, 0x200f, 0x061c, // bidi marks
  0x200b, 0x200c, 0x200d, ...range(0x2060, 0x2064), 0xfeff, // zero-width
  0x00ad, // soft hyphen
].map((cp) => String.fromCodePoint(cp));

/** Whitespace controls: a space at read, refused in requests (a value is one line). */
export const WHITESPACE_CONTROLS = ['\t', '\n', '\v', '\f', '\r'];

export const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Inserts `count` characters from `chars` at random places of `text`. */
export function inject(text: string, chars: readonly string[], rand: () => number, count = 1 + Math.floor(rand() * 3)): string {
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(rand() * (out.length + 1));
    out = out.slice(0, at) + chars[Math.floor(rand() * chars.length)]! + out.slice(at);
  }
  return out;
}
