import { useId, useRef, useState } from 'react';
import type { McpManager } from '../../core/mcp/mcp-manager';
import { useT } from '../../i18n';
import { BUTTON, HELP } from '../settings/field-styles';
import { AddServerForm } from './add-server-form';
import { messages } from './messages';
import { ServerRow } from './server-row';
import { useMcpServers } from './use-mcp-servers';

/** The "MCP servers" part of Settings: the configured servers with their status, and a form to add one. */
export function McpServersSection({ manager }: { manager: McpManager }) {
  const t = useT(messages);
  const servers = useMcpServers(manager);
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const pageOrigin = typeof location === 'undefined' ? '' : location.origin;

  // Whatever had focus (the form, a removed row's button) is gone: continue from "Add server".
  const backToAdd = () => requestAnimationFrame(() => addButton.current?.focus());

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3 border-t border-zinc-200 pt-5 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="text-base font-semibold">
          {t('title')}
        </h3>
        {!adding && (
          <button ref={addButton} type="button" className={BUTTON} onClick={() => setAdding(true)}>
            <span aria-hidden>+</span>
            {t('addServer')}
          </button>
        )}
      </div>
      <p className={HELP}>{t('intro')}</p>

      {servers.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {servers.map((server) => (
            <ServerRow
              key={server.id}
              server={server}
              pageOrigin={pageOrigin}
              onReconnect={() => void manager.reconnect(server.id)}
              onRemove={() => {
                void manager.remove(server.id);
                backToAdd();
              }}
            />
          ))}
        </ul>
      ) : (
        !adding && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      )}

      {adding && (
        <AddServerForm
          takenPrefixes={servers.map((s) => s.prefix)}
          onAdd={(server) => {
            manager.add(server);
            setAdding(false);
            backToAdd();
          }}
          onCancel={() => {
            setAdding(false);
            backToAdd();
          }}
        />
      )}
    </section>
  );
}
