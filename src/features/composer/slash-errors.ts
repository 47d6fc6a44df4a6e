import type { CommandError, JsonProblem } from '../../core/commands';
import type { DirectRunRefusal } from '../../core/run/direct-call';
import type { Translator } from '../../i18n';
import type { slashMessages } from './slash-messages';

type Key = keyof (typeof slashMessages)['en'];

const JSON_PROBLEM: Record<JsonProblem, Key> = {
  value: 'jsonValue',
  key: 'jsonKey',
  colon: 'jsonColon',
  'comma-or-brace': 'jsonCommaOrBrace',
  'comma-or-bracket': 'jsonCommaOrBracket',
  'string-end': 'jsonStringEnd',
  'string-char': 'jsonStringChar',
  escape: 'jsonEscape',
  number: 'jsonNumber',
  trailing: 'jsonTrailing',
  eof: 'jsonEof',
};

/** Words a command the parser refused, or a run the controller refused, in the reader's language. */
export function describeSlashError(t: Translator<Key>, error: CommandError | DirectRunRefusal, toolName: string): string {
  switch (error.code) {
    case 'missing-name':
      return t('errorMissingName');
    case 'unknown-tool':
      return error.suggestions.length
        ? t('errorUnknownToolSuggest', { name: error.name, suggestions: error.suggestions.map((s) => `/${s}`).join(', ') })
        : t('errorUnknownTool', { name: error.name });
    case 'invalid-json':
      return t('errorInvalidJson', { problem: t(JSON_PROBLEM[error.problem]), line: error.line, column: error.column });
    case 'not-object':
      return t('errorNotObject');
    case 'busy':
      return t('errorBusy');
    case 'denied':
      return t('errorDenied', { name: toolName });
    case 'unchecked':
      return t('errorUnchecked');
    case 'invalid':
      return t('errorInvalid', { message: error.message });
  }
}
