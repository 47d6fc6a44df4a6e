import type { ImportProblem } from '../../core/conversation/import-json';
import type { Translator } from '../../i18n';
import type { messages } from './messages';

type Key = typeof messages extends { en: Record<infer K, string> } ? K : never;

/** Why a file was refused, in the reader's language; schema details stay as written (field paths). */
export function importProblemText(problem: ImportProblem, t: Translator<Key>): string {
  switch (problem.code) {
    case 'not_json':
      return t('notJson');
    case 'not_export':
      return t('notExport');
    case 'no_version':
      return t('noVersion');
    case 'newer_version':
      return t('newerVersion', { version: problem.version, supported: problem.supported });
    case 'damaged':
      return t('damaged', { detail: problem.detail });
  }
}
