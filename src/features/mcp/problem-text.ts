import type { McpProblem } from '../../core/mcp/types';
import type { ServerUrlProblem } from '../../core/mcp/server-url';
import { originOf } from '../../core/mcp/server-url';
import type { Translator } from '../../i18n';
import type { messages } from './messages';

type T = Translator<keyof (typeof messages)['en'] & string>;

/** Why a server is not connected, in plain words. */
export function problemText(t: T, problem: McpProblem, url: string, pageOrigin: string): string {
  switch (problem.kind) {
    case 'network':
      return t('problemNetwork', { origin: originOf(url) ?? url, page: pageOrigin });
    case 'unauthorized':
      return t('problemUnauthorized', { status: problem.status });
    case 'not_found':
      return t('problemNotFound');
    case 'not_mcp':
      return t('problemNotMcp');
    case 'timeout':
      return t('problemTimeout');
    case 'http':
      return t('problemHttp', { status: problem.status });
    case 'name_clash':
      return t('problemNameClash', { name: problem.name });
    case 'refused':
      return t('problemRefused', { status: problem.status });
    case 'session_lost':
      return t('problemSessionLost');
    case 'other':
      return t('problemOther', { message: problem.message });
  }
}

const URL_KEYS = {
  empty: 'urlEmpty',
  invalid: 'urlInvalid',
  scheme: 'urlScheme',
  insecure: 'urlInsecure',
  credentials: 'urlCredentials',
} as const satisfies Record<ServerUrlProblem, string>;

/** Why an address cannot be used, in plain words. */
export function urlProblemText(t: T, problem: ServerUrlProblem): string {
  return t(URL_KEYS[problem]);
}
