// A MutationObserver for the page's main world, installed before any page
// script. It starts at DOMContentLoaded, once the parser has built the page,
// so every record it holds comes from a script: the page's or an extension's.
import type { UiPage } from './ui';

type Recorder = { __e2eMutations?: string[] };

/** Passed to page.addInitScript; runs in the page, so it must not use anything outside itself. */
export function installMutationRecorder(): void {
  const records: string[] = [];
  (window as Recorder).__e2eMutations = records;
  const describe = (node: Node | null) =>
    node instanceof Element ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}>` : (node?.nodeName ?? 'null');
  const observer = new MutationObserver((list) => {
    for (const m of list) {
      const detail =
        m.type === 'attributes'
          ? `${m.attributeName}=${JSON.stringify((m.target as Element).getAttribute(m.attributeName ?? ''))}`
          : m.type === 'childList'
            ? `+${m.addedNodes.length} -${m.removedNodes.length}`
            : JSON.stringify(m.target.textContent?.slice(0, 40));
      records.push(`${m.type} on ${describe(m.target)}: ${detail}`);
    }
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true }),
    { once: true },
  );
}

/** Everything recorded so far, once the observer's pending records are delivered. */
export function recordedMutations(page: UiPage): Promise<string[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [...((window as Recorder).__e2eMutations ?? ['the recorder is not installed'])];
  }, null);
}
