// Pure modules name the text they mean (a message of public/_locales and its
// substitutions) and the pages or the background word it through browser.i18n,
// so the same logic serves every UI language and stays free of browser APIs.
import type en from '../public/_locales/en/messages.json';

/** Message names, checked against the default locale. */
export type MessageKey = keyof typeof en;

/** A message and the values for its $1, $2… */
export type TextRef = readonly [key: MessageKey, ...substitutions: string[]];
