import { defineMessages } from '../../i18n';

/** The header button's words on their own, so the page's first script does not carry the panel's catalog. */
export const buttonMessages = defineMessages({ openInspector: 'Inspector' }, { openInspector: '检查器' });
