// Seeded random page mutations for the robustness test. Each mutation changes
// the document in place and returns how to undo it, so one parsed fixture
// serves hundreds of cases (happy-dom parsing is the slow part).

type Rand = () => number;
type Undo = () => void;
export interface Mutation {
  name: string;
  /** Whether text may now read differently (junk, reordering): values can change, not just disappear. */
  altersText: boolean;
  apply(doc: Document, rand: Rand): Undo | null;
}

const pick = <T>(items: ArrayLike<T>, rand: Rand): T | undefined => items[Math.floor(rand() * items.length)];
const elements = (doc: Document) =>
  [...doc.querySelectorAll('body *')].filter((el) => !['SCRIPT', 'CODE'].includes(el.tagName));
const JUNK = ['🚀', 'Lorem', '12', '·', 'Voir plus', 'See more', '—', 'Présent', '2019', '| x', ' ', 'Ω≈ç'];

function moveBack(node: Node, parent: Node, next: Node | null): Undo {
  return () => {
    parent.insertBefore(node, next);
  };
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'remove a node',
    altersText: false,
    apply(doc, rand) {
      const el = pick(elements(doc), rand);
      if (!el?.parentNode) return null;
      const undo = moveBack(el, el.parentNode, el.nextSibling);
      el.remove();
      return undo;
    },
  },
  {
    name: 'remove a landmark',
    altersText: false,
    apply(doc, rand) {
      const el = pick(
        doc.querySelectorAll(
          'h1, h2, section, code, [componentkey], [aria-label], [data-anonymize], [data-sn-view-name], a[href*="/in/"], [id], [data-section], [data-view-name], [role]',
        ),
        rand,
      );
      if (!el?.parentNode || el === doc.body) return null;
      const undo = moveBack(el, el.parentNode, el.nextSibling);
      el.remove();
      return undo;
    },
  },
  {
    name: 'rename classes in a subtree',
    altersText: false,
    apply(doc, rand) {
      const root = pick(doc.querySelectorAll('body [class]'), rand);
      if (!root) return null;
      const targets = [root, ...root.querySelectorAll('[class]')];
      const saved = targets.map((el) => el.getAttribute('class'));
      for (const el of targets) el.setAttribute('class', `_${Math.floor(rand() * 1e9).toString(36)}`);
      return () => targets.forEach((el, i) => el.setAttribute('class', saved[i]!));
    },
  },
  {
    name: 'drop an attribute',
    altersText: false,
    apply(doc, rand) {
      const el = pick(
        elements(doc).filter((e) => e.attributes.length),
        rand,
      );
      const attr = el && pick(el.attributes, rand);
      if (!el || !attr) return null;
      const all = [...el.attributes].map((a) => [a.name, a.value] as const);
      el.removeAttribute(attr.name);
      return () => {
        // Re-add every attribute in its original order so the markup is restored exactly.
        for (const [n] of all) el.removeAttribute(n);
        for (const [n, v] of all) el.setAttribute(n, v);
      };
    },
  },
  {
    name: 'truncate embedded JSON',
    altersText: false,
    apply(doc, rand) {
      const code = pick(doc.querySelectorAll('code, script[type="application/ld+json"]'), rand);
      if (!code) return null;
      const text = code.textContent ?? '';
      code.textContent = text.slice(0, Math.floor(rand() * text.length));
      return () => {
        code.textContent = text;
      };
    },
  },
  {
    name: 'shuffle siblings',
    altersText: true,
    apply(doc, rand) {
      const parent = pick(
        elements(doc).filter((e) => e.children.length > 1),
        rand,
      );
      if (!parent) return null;
      const before = [...parent.childNodes];
      const kids = [...parent.children];
      for (let i = kids.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [kids[i], kids[j]] = [kids[j]!, kids[i]!];
      }
      for (const kid of kids) parent.appendChild(kid);
      return () => before.forEach((node) => parent.appendChild(node));
    },
  },
  {
    name: 'insert junk text',
    altersText: true,
    apply(doc, rand) {
      const el = pick(elements(doc), rand);
      if (!el) return null;
      const node = doc.createTextNode(` ${pick(JUNK, rand)} `);
      el.insertBefore(node, pick(el.childNodes, rand) ?? null);
      return () => node.remove();
    },
  },
  {
    name: 'move a sidebar into main',
    altersText: false,
    apply(doc, rand) {
      const side = pick(doc.querySelectorAll('aside section, aside li, .right-rail section'), rand);
      const main = doc.querySelector('main');
      if (!side?.parentNode || !main) return null;
      const undo = moveBack(side, side.parentNode, side.nextSibling);
      main.insertBefore(side, rand() < 0.5 ? main.firstChild : null);
      return undo;
    },
  },
];
