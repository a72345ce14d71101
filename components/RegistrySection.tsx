import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import type { LinkEntry } from '@/utils/match/registry';
import { describeReplyError } from './describe';
import { t } from './i18n';
import { ask } from './runtime';

const VIA_TEXT: Readonly<Record<LinkEntry['via'], MessageKey>> = {
  match: 'registryViaMatch',
  reference: 'registryViaReference',
  create: 'registryViaCreate',
  directory: 'registryViaDirectory',
};

/** The remembered LinkedIn → Skipcall links: view, remove, export, import. */
export function RegistrySection() {
  const [links, setLinks] = useState<LinkEntry[] | null>(null);
  const [json, setJson] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function load() {
    const reply = await ask({ type: 'get-registry' });
    if (reply.ok) {
      setLinks(reply.links);
      setJson(reply.json);
    } else setMessage({ text: describeReplyError(reply.error), error: true });
  }
  useEffect(() => void load(), []);

  async function remove(link: LinkEntry) {
    const identity = {
      ...(link.linkedinUrl ? { linkedinUrl: link.linkedinUrl } : {}),
      ...(link.salesLeadId ? { linkedinSalesUrl: `https://www.linkedin.com/sales/lead/${link.salesLeadId}` } : {}),
    };
    await ask({ type: 'unlink', identity, contactId: link.contactId });
    setMessage({ text: t('registryRemoved', link.label || link.contactId), error: false });
    await load();
  }

  function exportFile() {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `skipcall-enrich-links-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function importFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const reply = await ask({ type: 'import-registry', json: await file.text() });
    setMessage(
      reply.ok
        ? { text: t('registryImported', reply.added, reply.updated), error: false }
        : { text: describeReplyError(reply.error), error: true },
    );
    await load();
  }

  return (
    <section aria-labelledby="registry-title">
      <h2 id="registry-title">{t('registryTitle')}</h2>
      <p class="hint">{t('registryHint')}</p>
      {/* Export and Import side by side, the same size: one is a button, the other a file picker's label. */}
      <div class="row registry-actions">
        <button type="button" data-testid="registry-export" onClick={exportFile} disabled={!links?.length}>
          {t('registryExport')}
        </button>
        <label class="button-like">
          {t('registryImport')}
          <input type="file" accept="application/json,.json" data-testid="registry-import" class="visually-hidden" onChange={importFile} />
        </label>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
      {links && links.length === 0 && <p class="hint">{t('registryEmpty')}</p>}
      {links && links.length > 0 && (
        <ul class="links" data-testid="registry">
          {links.map((link) => (
            <li key={`${link.contactId}-${link.linkedinUrl ?? link.salesLeadId}`} data-testid="registry-entry">
              <strong>{link.label || link.contactId}</strong>
              <span class="hint">
                {' '}
                {link.linkedinUrl ?? t('registrySalesLead', link.salesLeadId ?? '')} · {t(VIA_TEXT[link.via])}
                {link.linkedAt ? ` · ${new Date(link.linkedAt).toLocaleDateString()}` : ''}
              </span>
              <button type="button" class="link" aria-label={t('registryRemoveLabel', link.label || link.contactId)} onClick={() => void remove(link)}>
                {t('registryRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
